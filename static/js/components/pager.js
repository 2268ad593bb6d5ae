// Previous / next for the API's paged lists ({page, pages, total}).
import { h } from '../core/dom.js';

export function pager({ page, pages, total, onPage, noun = 'items' }) {
  const prev = h('button', { type: 'button', class: 'pill pill--small c-lavender', disabled: page <= 1, onclick: () => onPage(page - 1) }, 'Previous');
  const next = h('button', { type: 'button', class: 'pill pill--small c-lavender', disabled: page >= pages, onclick: () => onPage(page + 1) }, 'Next');
  return h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev,
    h('span', { class: 'pager-text', role: 'status' }, `Page ${Math.min(page, Math.max(pages, 1))} of ${Math.max(pages, 1)} · ${total} ${noun}`), next);
}
