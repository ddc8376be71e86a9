import { describe, expect, it } from 'vitest';
import { capabilities, choosePlayback } from './playback.js';

describe('choosePlayback', () => {
  it('uses the browser’s own HLS where it plays application/vnd.apple.mpegurl', () => {
    expect(choosePlayback({ nativeHls: true, mediaSource: true, mp4: true })).toBe('native');
    expect(choosePlayback({ nativeHls: true, mediaSource: false, mp4: false })).toBe('native');
  });

  it('uses hls.js where Media Source Extensions exist but native HLS does not', () => {
    expect(choosePlayback({ nativeHls: false, mediaSource: true, mp4: true })).toBe('hls.js');
  });

  it('leaves the MP4 <source> to play where the browser has neither', () => {
    expect(choosePlayback({ nativeHls: false, mediaSource: false, mp4: true })).toBe('mp4');
  });

  it('has nothing to play for a video processed before the MP4 existed, in a browser with neither', () => {
    expect(choosePlayback({ nativeHls: false, mediaSource: false, mp4: false })).toBe('none');
  });
});

describe('capabilities', () => {
  const video = (hls, mp4) => ({
    canPlayType: (type) => (hls && /mpegurl/.test(type) ? 'maybe' : ''),
    querySelector: (selector) => (mp4 && selector === 'source[type="video/mp4"]' ? {} : null)
  });
  const mse = (supported) => ({ isTypeSupported: () => supported });

  it('reads native HLS, Media Source Extensions and the MP4 source', () => {
    expect(capabilities({ MediaSource: mse(true) }, video(false, true))).toEqual({ nativeHls: false, mediaSource: true, mp4: true });
    expect(capabilities({}, video(true, false))).toEqual({ nativeHls: true, mediaSource: false, mp4: false });
  });

  it('counts Safari’s ManagedMediaSource and ignores a MediaSource without H.264', () => {
    expect(capabilities({ ManagedMediaSource: mse(true) }, video(false, true)).mediaSource).toBe(true);
    expect(capabilities({ MediaSource: mse(false) }, video(false, true)).mediaSource).toBe(false);
  });
});
