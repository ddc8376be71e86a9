// HLS playback: the browser's own where it has it (Safari, WeChat on iOS), hls.js elsewhere, loaded only on
// pages with a video.
export function initVideos(doc) {
  doc.querySelectorAll('video[data-hls]').forEach(async (video) => {
    const source = video.dataset.hls;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source;
      return;
    }
    const { default: Hls } = await import('hls.js/dist/hls.light.mjs');
    if (!Hls.isSupported()) {
      const note = video.parentElement.querySelector('[data-unsupported]');
      if (note) note.hidden = false;
      return;
    }
    const hls = new Hls({ capLevelToPlayerSize: true });
    hls.loadSource(source);
    hls.attachMedia(video);
    video.kepuHls = hls;
  });
}
