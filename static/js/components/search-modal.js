// SearchModal: look a title up at TMDB / MusicBrainz (through our API) and add it to the library
// with its monitoring and quality limit. Results already in the library link to their page.
import { h } from '../core/dom.js';
import { field, checkbox } from './field.js';
import { button } from './lcars-button.js';

/**
 * openSearchModal({id, title, searchLabel, search(q, signal) → [], describe(r) → {key, title, sub, inLibrary, libraryId},
 *                  qualities: [...], defaultQuality, add(r, {monitored, quality_limit}) → item, href(id), onAdded(item)})
 */
export function openSearchModal(opts) {
  // type=text, not search: Escape in a search field only clears it, here it closes the dialog at once.
  const query = field({ label: opts.searchLabel, name: 'q', type: 'text' });
  const monitored = checkbox({ label: 'Monitor (search for it automatically)', name: 'monitored', checked: true });
  const quality = field({ label: 'Quality limit', name: 'quality_limit', options: opts.qualities.map((q) => [q, q]), value: opts.defaultQuality });
  const results = h('ul', { id: `${opts.id}-results`, class: 'result-list', 'aria-live': 'polite' });
  const status = h('p', { class: 'form-error verbatim', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'pill pill--small c-orange', id: `${opts.id}-go` }, 'Search');
  const close = button('Close', { color: 'lavender', small: true, id: `${opts.id}-close`, onClick: () => dialog.close() });
  const form = h('form', { class: 'modal-search', role: 'search' }, query.el, submit);
  const dialog = h('dialog', { id: opts.id, class: 'lcars-dialog lcars-dialog--wide', 'aria-labelledby': `${opts.id}-heading` },
    h('div', { class: 'panel c-accent-orange' },
      h('div', { class: 'panel-head' }, h('h2', { id: `${opts.id}-heading` }, opts.title)),
      h('div', { class: 'panel-body dialog-body' }, form,
        h('div', { class: 'form-grid' }, monitored.el, quality.el),
        status, results, h('div', { class: 'dialog-actions' }, close))));

  let controller = null;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = query.input.value.trim();
    if (!q) { query.setError('Type a name to search for'); query.input.focus(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    status.textContent = '';
    results.replaceChildren(h('li', { class: 'dim', role: 'status' }, 'Searching…'));
    try {
      const found = await opts.search(q, controller.signal);
      results.replaceChildren(...(found.length ? found.map(row) : [h('li', { class: 'dim' }, 'Nothing found.')]));
    } catch (err) {
      if (err.name === 'AbortError') return;
      results.replaceChildren();
      status.textContent = err.message;
    }
  });

  function row(r) {
    const d = opts.describe(r);
    const action = h('span', { class: 'result-action' });
    const paintInLibrary = (libraryId) => action.replaceChildren(
      h('a', { href: opts.href(libraryId), 'data-link': true, class: 'pill pill--small c-blue', onclick: () => dialog.close() }, 'In library · open'));
    if (d.inLibrary) paintInLibrary(d.libraryId);
    else {
      action.append(button('Add', { small: true, 'aria-label': `Add ${d.title}`, onClick: async (ev) => {
        const btn = ev.currentTarget;
        btn.disabled = true;
        btn.textContent = 'Adding…';
        status.textContent = '';
        try {
          const item = await opts.add(r, { monitored: monitored.input.checked, quality_limit: quality.input.value });
          paintInLibrary(item.id);
          if (opts.onAdded) opts.onAdded(item);
        } catch (err) {
          if (typeof err.existingId === 'number') paintInLibrary(err.existingId);
          status.textContent = `${d.title}: ${err.message}`;
          btn.disabled = false;
          btn.textContent = 'Add';
        }
      } }));
    }
    return h('li', { class: 'result-row' },
      h('span', { class: 'result-text' }, h('strong', { class: 'verbatim result-title' }, d.title), d.sub ? h('span', { class: 'dim verbatim' }, d.sub) : null),
      action);
  }

  dialog.addEventListener('close', () => { if (controller) controller.abort(); dialog.remove(); });
  document.body.append(dialog);
  dialog.showModal();
  query.input.focus();
  return dialog;
}
