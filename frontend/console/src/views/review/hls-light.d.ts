// The light build of hls.js (no subtitles, no DRM) has the full build's types.
declare module 'hls.js/dist/hls.light.mjs' {
  export { default } from 'hls.js';
}
