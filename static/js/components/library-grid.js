// The list page shared by movies, shows and artists: filters, a debounced search-as-you-type
// through the API's FTS `search`, a grid of MediaCards, pages, and an "add" button.
import { h } from '../core/dom.js';
import { panel, stateLine } from './lcars-panel.js';
import { field } from './field.js';
import { button } from './lcars-button.js';
import { pager } from './pager.js';

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 48;

/**
 * libraryGrid(container, {id, title, noun, statuses, list(params, signal) → page, card(item) → <li>, addLabel, onAdd})
 * Returns the cleanup function.
 */
export function libraryGrid(container, opts) {
  // The filters live in the URL's query too, so a reload or a shared link shows the same grid.
  const query = new URLSearchParams(location.search);
  const state = { page: Math.max(1, Number(query.get('page')) || 1), search: query.get('search') || '', status: query.get('status') || '', monitored: query.get('monitored') || '' };
  const search = field({ label: 'Search', name: 'search', type: 'search', value: state.search });
  const filters = [search.el];
  let status = null;
  if (opts.statuses) {
    status = field({ label: 'Status', name: 'status', options: [['', 'Any'], ...opts.statuses.map((s) => [s, s])], value: state.status });
    filters.push(status.el);
  }
  const monitored = field({ label: 'Monitored', name: 'monitored', options: [['', 'Any'], ['true', 'Monitored'], ['false', 'Unmonitored']], value: state.monitored });
  filters.push(monitored.el);

  const grid = h('ul', { id: `${opts.id}-grid`, class: 'media-grid', 'aria-live': 'polite', 'aria-busy': 'true' });
  const message = h('div', { class: 'grid-message' });
  const paging = h('div', { class: 'grid-pager' });
  const addBtn = button(opts.addLabel, { id: `${opts.id}-add`, onClick: () => opts.onAdd(() => load()) });
  container.append(panel({ title: opts.title, accent: opts.accent || 'peach', id: opts.id, actions: addBtn },
    h('form', { class: 'form-grid filters', role: 'search', onsubmit: (ev) => ev.preventDefault() }, filters),
    message, grid, paging));

  let controller = null;
  let timer = null;
  let marked = false;
  async function load() {
    if (controller) controller.abort();
    controller = new AbortController();
    const params = new URLSearchParams({ page: String(state.page), limit: String(PAGE_SIZE) });
    if (state.search) params.set('search', state.search);
    if (state.status) params.set('status', state.status);
    if (state.monitored) params.set('monitored', state.monitored);
    grid.setAttribute('aria-busy', 'true');
    const shown = new URLSearchParams([...params].filter(([k, v]) => k !== 'limit' && !(k === 'page' && v === '1')));
    history.replaceState(null, '', `${location.pathname}${String(shown) ? `?${shown}` : ''}`);
    try {
      const data = await opts.list(params, controller.signal);
      grid.replaceChildren(...data.items.map(opts.card));
      // For bench/ui.sh: the moment the page's data is on screen (first load only).
      if (!marked) { marked = true; performance.mark(`lcars:${opts.id}:data`); }
      message.replaceChildren(data.items.length ? '' : stateLine(state.search || state.status || state.monitored
        ? `No ${opts.noun} match these filters.` : `No ${opts.noun} yet. Use “${opts.addLabel}”.`));
      paging.replaceChildren(data.pages > 1 ? pager({ ...data, noun: opts.noun, onPage: (p) => { state.page = p; load(); } }) : '');
    } catch (err) {
      if (err.name === 'AbortError') return;
      message.replaceChildren(stateLine(err.message, 'error'));
    } finally {
      grid.setAttribute('aria-busy', 'false');
    }
  }

  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.search = search.input.value.trim(); state.page = 1; load(); }, DEBOUNCE_MS);
  });
  for (const [key, f] of [['status', status], ['monitored', monitored]]) {
    if (f) f.input.addEventListener('change', () => { state[key] = f.input.value; state.page = 1; load(); });
  }
  load();
  return () => { clearTimeout(timer); if (controller) controller.abort(); };
}
