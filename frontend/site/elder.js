// 适老化 mode: larger type, higher contrast, simpler layout. Remembered per visitor in localStorage and a
// cookie; the page's inline head script applies it before the first paint.
const KEY = 'kepu-elder';

export function initElderMode(doc) {
  const root = doc.documentElement;
  doc.querySelectorAll('[data-elder-toggle]').forEach((button) => {
    button.setAttribute('aria-pressed', String(root.classList.contains('elder')));
    button.addEventListener('click', () => {
      const on = !root.classList.contains('elder');
      root.classList.toggle('elder', on);
      try {
        localStorage.setItem(KEY, on ? '1' : '0');
      } catch (e) {
        // storage disabled: the cookie still remembers
      }
      doc.cookie = `${KEY}=${on ? '1' : '0'}; path=/; max-age=31536000; SameSite=Lax`;
      doc.querySelectorAll('[data-elder-toggle]').forEach((b) => b.setAttribute('aria-pressed', String(on)));
    });
  });
}
