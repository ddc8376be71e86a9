// Completions under the search box (combobox pattern): arrow keys move, Enter picks, Escape closes.
export function initSuggestions(doc) {
  doc.querySelectorAll('input[data-suggest]').forEach((input) => attach(doc, input));
}

function attach(doc, input) {
  const list = doc.getElementById(input.getAttribute('aria-controls'));
  if (!list) return;
  let timer = null;
  let active = -1;
  let controller = null;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const mark = (index) => {
    const options = list.querySelectorAll('[role=option]');
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute('aria-activedescendant', options[index].id);
  };
  const choose = (option) => {
    input.value = option.dataset.text;
    close();
    if (option.dataset.href) {
      window.location.href = option.dataset.href;
    } else {
      input.form.submit();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) return close();
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/api/search/suggest?prefix=${encodeURIComponent(prefix)}`, { signal: controller.signal });
        if (!response.ok) return close();
        render(await response.json());
      } catch (e) {
        if (e.name !== 'AbortError') close();
      }
    }, 150);
  });

  function render(suggestions) {
    list.replaceChildren();
    if (!suggestions.length) return close();
    suggestions.forEach((s, i) => {
      const li = doc.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.dataset.text = s.text;
      if (s.work) li.dataset.href = `/works/${s.work}`;
      li.textContent = s.text;
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(li);
      });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }

  input.addEventListener('keydown', (event) => {
    const options = list.querySelectorAll('[role=option]');
    if (list.hidden || !options.length) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      mark((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      mark((active - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
