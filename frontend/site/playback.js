// Which way a <video> plays its work: the browser's own HLS where it has it (Safari, WeChat on iOS), hls.js
// where Media Source Extensions exist (most other browsers), else the progressive MP4 that the page lists as a
// <source>; a browser with none of these gets the "cannot play" note.
export function choosePlayback({ nativeHls, mediaSource, mp4 }) {
  if (nativeHls) return 'native';
  if (mediaSource) return 'hls.js';
  return mp4 ? 'mp4' : 'none';
}

const H264_AAC = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';

// The capabilities choosePlayback needs, read from the page's window and one of its <video> elements.
export function capabilities(win, video) {
  const MediaSource = win.ManagedMediaSource || win.MediaSource || win.WebKitMediaSource;
  return {
    nativeHls: video.canPlayType('application/vnd.apple.mpegurl') !== '',
    mediaSource: !!MediaSource && typeof MediaSource.isTypeSupported === 'function' && MediaSource.isTypeSupported(H264_AAC),
    mp4: !!video.querySelector('source[type="video/mp4"]')
  };
}
