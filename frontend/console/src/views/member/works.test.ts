import { describe, expect, it } from 'vitest';
import { badgeOf, draftOf, formatBytes, previewOf, processingPercent, purposeOf } from './works';

describe('member works helpers', () => {
  it('maps kinds to upload purposes', () => {
    expect(purposeOf('VIDEO')).toBe('VIDEO');
    expect(purposeOf('AUDIO')).toBe('AUDIO');
    expect(purposeOf('ARTICLE')).toBe('DOCUMENT');
  });

  it('gives back every saved draft field, with defaults for absent ones', () => {
    const draft = draftOf({ title: 'T', bodySource: 'b', topics: ['health'], mediaAssets: ['a'], originality: 'ADAPTED', licence: 'X' });
    expect(draft).toMatchObject({ title: 'T', body: 'b', topics: ['health'], mediaAssets: ['a'], originality: 'ADAPTED', licence: 'X', summary: '' });
    expect(draftOf(undefined)).toMatchObject({ topics: [], originality: 'ORIGINAL', licence: 'CC-BY-NC-4.0' });
  });

  it('averages processing progress and ignores media without one', () => {
    expect(processingPercent([])).toBeNull();
    expect(processingPercent([{ status: 'UPLOADING' }])).toBeNull();
    expect(processingPercent([{ progress: 0.5 }, { progress: 1 }])).toBe(75);
    expect(processingPercent([{ progress: 1 }])).toBe(100);
  });

  it('prefers an MP4, then HLS, then audio for the preview', () => {
    expect(previewOf([])).toBeNull();
    expect(previewOf([{ name: 'hls', contentType: 'application/vnd.apple.mpegurl', previewUrl: '/m' }, { name: 'poster', contentType: 'image/jpeg', previewUrl: '/p' }]))
      .toEqual({ type: 'video', src: '/m', hls: true, poster: '/p' });
    expect(previewOf([{ contentType: 'audio/mpeg', previewUrl: '/a' }])).toEqual({ type: 'audio', src: '/a' });
    expect(previewOf([{ contentType: 'video/mp4', previewUrl: '/v' }, { contentType: 'application/vnd.apple.mpegurl', previewUrl: '/m' }]))
      .toMatchObject({ src: '/v', hls: false });
  });

  it('colours statuses and formats sizes', () => {
    expect(badgeOf('published')).toBe('badge ok');
    expect(badgeOf('changes_requested')).toBe('badge danger');
    expect(badgeOf('draft')).toBe('badge');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
  });
});
