// The top of a detail page (movie, show, artist, album): poster or cover (placeholder without), title, facts,
// overview, and the controls every item has: monitored, quality limit, refresh, delete (admins).
import { h } from '../core/dom.js';
import { posterPlaceholder } from './media-card.js';
import { statusBadge } from './status-badge.js';
import { toggle } from './toggle.js';
import { field } from './field.js';
import { button } from './lcars-button.js';
import { confirmDialog } from './confirm-dialog.js';
import { currentUser } from '../stores/session.js';
import { facts as factList } from './facts.js';

/**
 * mediaHeader({item, store, title, facts: [[label, value]], qualities, kindLabel, listHref, onChange(item), onRefreshed(item), navigate})
 * onChange follows monitoring/quality edits; onRefreshed gets the refreshed item (pages repaint with it).
 */
export function mediaHeader({ item, store, title, facts, qualities, kindLabel, listHref, onChange = () => {}, onRefreshed, navigate, filesNote }) {
  const message = h('p', { class: 'form-error verbatim', role: 'alert', id: 'item-message' });
  const say = (text, ok = false) => { message.className = ok ? 'form-notice verbatim' : 'form-error verbatim'; message.textContent = text; };

  const monitored = toggle({ id: 'item-monitored', pressed: item.monitored, label: title,
    save: async (next) => { const u = await store.update(item.id, { monitored: next }); onChange(u); say(''); return u.monitored; },
    onError: (err) => say(err.message) });
  const quality = field({ label: 'Quality limit', name: 'quality_limit', options: qualities.map((q) => [q, q]), value: item.quality_limit });
  quality.input.addEventListener('change', async () => {
    try {
      const u = await store.update(item.id, { quality_limit: quality.input.value });
      onChange(u);
      say(`Quality limit is now ${u.quality_limit}`, true);
    } catch (err) {
      quality.setError(err.message);
      quality.input.value = item.quality_limit;
    }
  });
  const refresh = button('Refresh', { id: 'item-refresh', small: true, color: 'blue', onClick: async () => {
    refresh.disabled = true;
    say('Refreshing…', true);
    try { const u = await store.refresh(item.id); say('Metadata refreshed', true); (onRefreshed || onChange)(u); } catch (err) { say(err.message); } finally { refresh.disabled = false; }
  } });
  const actions = h('div', { class: 'item-actions' }, monitored, refresh);
  currentUser().then((user) => {
    if (user.role !== 'admin') return;
    actions.append(button('Delete', { id: 'item-delete', small: true, color: 'red', onClick: async () => {
      const answer = await confirmDialog({ title: `Delete ${kindLabel}`, message: `Remove “${title}” from the library?`, option: filesNote || 'Also delete its files from the library mounts' });
      if (!answer) return;
      try {
        await store.remove(item.id, answer.option);
        navigate(listHref);
      } catch (err) { say(err.message); }
    } }));
  }).catch(() => {});

  const header = h('div', { class: 'media-header' },
    posterPlaceholder(title, item.id, true, item.poster_path || item.cover_path),
    h('div', { class: 'media-info' },
      h('h2', { class: 'media-heading verbatim', id: 'item-title' }, title),
      h('p', { class: 'media-status' }, item.status ? statusBadge(item.status, { id: 'item-status' }) : null),
      factList(facts.map(([k, v]) => [k, v, { class: 'verbatim' }])),
      item.overview ? h('p', { class: 'overview verbatim' }, item.overview) : null,
      h('div', { class: 'item-controls' }, actions, h('div', { class: 'quality-field' }, quality.el)),
      message));
  return item.backdrop_path ? h('div', { class: 'media-top' }, backdrop(item.backdrop_path), header) : header;
}

/** A movie's or show's backdrop (served by LCARS) as a banner above the header; gone if it fails to load. */
function backdrop(src) {
  const img = h('img', { class: 'backdrop', id: 'item-backdrop', src, alt: '', loading: 'lazy' });
  img.addEventListener('error', () => img.remove());
  return img;
}
