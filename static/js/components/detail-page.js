// The frame of every detail page: a back link, "Loading…", the item fetched by id, an error in
// place of the page when it cannot be read, and a repaint whenever the page asks for one.
import { h } from '../core/dom.js';
import { stateLine } from './lcars-panel.js';
import { linkButton } from './lcars-button.js';
import { on } from '../core/events.js';
import { statusBadge } from './status-badge.js';

/** Puts a new status on the page's badge (#item-status) without repainting the page. */
export function showStatus(status) {
  const badge = document.getElementById('item-status');
  if (badge && status) badge.replaceWith(statusBadge(status, { id: 'item-status' }));
}

/** Runs a grab, then shows the item's new status (the API sets it before answering). */
export async function grabThenShowStatus(store, id, grab) {
  const download = await grab();
  store.get(id).then((fresh) => showStatus(fresh.status)).catch(() => {});
  return download;
}

/**
 * mountDetail(container, {id, back: [label, href, colour], load() → item, render(item, repaint, backLink) → nodes[], titleOf(item), mediaType})
 * With `mediaType` ('movie', 'album'), downloads of this item (added, completed) update its status
 * live from the event stream, and lcarsd's `media:updated` for it repaints the page. Returns the cleanup for the router.
 */
export async function mountDetail(container, { id, back, load, render, titleOf, mediaType = null }) {
  const backLink = h('p', { class: 'back-link' }, linkButton(back[0], back[1], { color: back[2] }));
  const body = h('div', { id }, stateLine('Loading…'));
  container.append(backLink, body);
  let item;
  try {
    item = await load();
  } catch (err) {
    body.replaceChildren(stateLine(err.message, 'error'));
    return undefined;
  }
  const paint = (current) => {
    document.title = `LCARS · ${titleOf(current)}`;
    body.replaceChildren(...render(current, paint, backLink));
  };
  paint(item);
  if (!mediaType) return undefined;
  const follow = (ev) => {
    const forUs = ev && ev.media_type === mediaType && Number(ev.media_id) === item.id;
    if (forUs) load().then((fresh) => showStatus(fresh.status)).catch(() => {});
  };
  // lcarsd moved the item itself (searched, back to missing, placed by post-processing): the
  // whole page is repainted, so the file panel shows what was placed.
  const repaint = (ev) => {
    const forUs = ev && ev.media_type === mediaType && Number(ev.media_id) === item.id;
    if (forUs) load().then((fresh) => { item = fresh; paint(fresh); }).catch(() => {});
  };
  const offs = [on('download:added', follow), on('download:completed', follow), on('media:updated', repaint)];
  return () => offs.forEach((off) => off());
}
