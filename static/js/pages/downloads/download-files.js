// Each download's file list on the Downloads screen: a detail row #download-files-<id> under the
// download's row (.dl-file, .dl-file-path, .dl-file-pct), refreshed while the torrent downloads.
//
// A row record r (built by downloads.js) carries tr, filesBtn (.dl-files-toggle) and files:
// {tr, body, timer, abort} while the list is open, null otherwise.
import { h } from '../../core/dom.js';
import { api } from '../../core/api.js';
import * as store from '../../stores/downloads-store.js';
import { formatBytes, formatPercent } from '../../core/format.js';
import { describeError } from './download-status.js';

// GET /api/downloads/:id/files answers while the torrent is in lcarsd's session (409 after).
export const IN_SESSION = ['queued', 'downloading', 'seeding', 'paused'];
const FILES_REFRESH_MS = 2000;

// Opens or closes the list under row r; isStopped() is true once the screen is gone.
export function toggleFiles(id, r, isStopped) {
  if (r.files) {
    closeFiles(r);
    return;
  }
  // Not aria-live: it refreshes every 2 s while downloading, which would be read out each time.
  const body = h('div', { class: 'dl-files-body' }, h('p', { class: 'dim' }, 'Reading file list…'));
  const ftr = h('tr', { class: 'dl-files-row', id: `download-files-${id}` },
    h('td', { colspan: '10' }, body));
  r.tr.after(ftr);
  r.files = { tr: ftr, body, timer: null, abort: null };
  r.filesBtn.setAttribute('aria-expanded', 'true');
  r.filesBtn.setAttribute('aria-controls', ftr.id);
  loadFiles(id, r, isStopped);
}

async function loadFiles(id, r, isStopped) {
  const f = r.files;
  if (!f || isStopped()) return;
  clearTimeout(f.timer);
  f.abort = new AbortController();
  try {
    const list = await api('GET', `/downloads/${id}/files`, { signal: f.abort.signal });
    if (r.files !== f || isStopped()) return;
    f.body.replaceChildren(renderFiles(list));
  } catch (err) {
    if (err.name === 'AbortError' || r.files !== f || isStopped() || err.status === 401) return;
    f.body.replaceChildren(h('p', { class: err.status === 409 ? 'dim' : 'error-text' },
      err.status === 409 ? 'Files are listed while the torrent is in the session.' : describeError(err, 'Files').join(': ')));
    if (err.status === 409 || err.status === 404) return;
  }
  const d = store.get(id);
  if (d && ['queued', 'downloading'].includes(d.status)) f.timer = setTimeout(() => loadFiles(id, r, isStopped), FILES_REFRESH_MS);
}

// Closes row r's list (if open) and stops its refresh.
export function closeFiles(r) {
  const f = r.files;
  if (!f) return;
  clearTimeout(f.timer);
  f.abort?.abort();
  f.tr.remove();
  r.files = null;
  r.filesBtn.setAttribute('aria-expanded', 'false');
  r.filesBtn.removeAttribute('aria-controls');
}

function renderFiles(list) {
  if (!Array.isArray(list) || list.length === 0) {
    return h('p', { class: 'dim' }, 'No file list yet: the torrent\'s metadata has not arrived.');
  }
  return h('ul', { class: 'dl-files' }, list.map((f) => {
    const fill = h('span', { class: 'dl-bar-fill st-downloading' });
    const p = typeof f.progress === 'number' ? f.progress
      : (f.size_bytes > 0 ? f.downloaded_bytes / f.size_bytes : 0);
    fill.style.width = `${(Math.min(1, Math.max(0, p)) * 100).toFixed(1)}%`;
    return h('li', { class: 'dl-file', dataset: { index: String(f.index) } },
      h('span', { class: 'dl-file-path verbatim' }, f.path ?? '?'),
      h('span', { class: 'dl-file-size' }, formatBytes(f.size_bytes)),
      h('div', { class: 'dl-bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'dl-file-pct' }, formatPercent(p)));
  }));
}
