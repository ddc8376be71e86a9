import { capabilities, choosePlayback } from './playback.js';

// HLS playback with a progressive MP4 underneath: see playback.js for the choice. hls.js is loaded only on
// pages with a video and only where it is used.
export function initVideos(doc) {
  doc.querySelectorAll('video[data-hls]').forEach(async (video) => {
    const source = video.dataset.hls;
    const way = choosePlayback(capabilities(doc.defaultView, video));
    video.dataset.playback = way;
    if (way === 'native') {
      video.src = source;
      return;
    }
    if (way === 'hls.js') {
      const { default: Hls } = await import('hls.js/dist/hls.light.mjs');
      if (Hls.isSupported()) {
        const hls = new Hls({ capLevelToPlayerSize: true });
        hls.loadSource(source);
        hls.attachMedia(video);
        video.kepuHls = hls;
        return;
      }
      if (video.querySelector('source[type="video/mp4"]')) {
        video.dataset.playback = 'mp4';
        return;
      }
    }
    if (way === 'mp4') return;
    const note = video.parentElement.querySelector('[data-unsupported]');
    if (note) note.hidden = false;
  });
}
