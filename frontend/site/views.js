// One view per page load of a work, sent after the page is shown; a random visitor id kept in localStorage
// lets the server count unique visitors without a cookie.
export function countView(doc) {
  const work = doc.body.dataset.work;
  if (!work || !navigator.sendBeacon) return;
  let visitor = null;
  try {
    visitor = localStorage.getItem('kepu-visitor');
    if (!visitor) {
      visitor = Math.random().toString(36).slice(2) + Date.now().toString(36);
      localStorage.setItem('kepu-visitor', visitor);
    }
  } catch (e) {
    visitor = null;
  }
  const body = new Blob([JSON.stringify({ visitor })], { type: 'application/json' });
  navigator.sendBeacon(`/api/views/${work}`, body);
}
