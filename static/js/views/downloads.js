// Downloads: add by magnet or .torrent, the transfer list with live progress, a status filter,
// per-row Pause / Resume / Retry, (admins) Remove, and each torrent's file list.
//
// Ids and data attributes relied on by Tests/system/test_browser_downloads.py:
//   #downloads (data-role once /api/auth/me answered), #download-add-form, #download-magnet,
//   #download-file, #download-add-submit, #download-add-error (data-code; .alert-detail is the
//   server's message), #download-add-notice, #download-filter (buttons data-filter, aria-pressed,
//   .fp-count), #downloads-live (data-state), #downloads-body, rows #download-<id> (data-status,
//   data-paused-by), .dl-status, .dl-bar (aria-valuenow), .dl-pct, .dl-down, .dl-message,
//   buttons [data-action=pause|resume|retry|remove], .dl-files-toggle → #download-files-<id>
//   (.dl-file, .dl-file-path, .dl-file-pct), #remove-dialog, #remove-delete-files, #remove-confirm.
//
// Rows are patched in place (never rebuilt) so a progress tick does not steal keyboard focus.
import { h } from '../dom.js';
import { api } from '../api.js';
import { me } from '../auth.js';
import { on, connectionState } from '../events.js';
import * as store from '../downloads-store.js';
import {
  NONE, formatBytes, formatSpeed, formatPercent, formatRatio, formatDuration, formatWhen, formatDateTime, formatCount,
} from '../format.js';

export const STATUSES = ['queued', 'downloading', 'seeding', 'processing', 'completed', 'failed', 'paused'];
// .torrent files travel as base64 in JSON; nginx refuses bodies over 1 MiB.
const MAX_TORRENT_BYTES = 700 * 1024;

export function statusLabel(d) {
  if (d.status === 'paused' && d.paused_by === 'vpn') return 'Paused · VPN';
  return d.status || 'unknown';
}

export function statusClass(d) {
  const s = STATUSES.includes(d.status) ? d.status : 'unknown';
  return d.status === 'paused' && d.paused_by === 'vpn' ? 'st-paused-vpn' : `st-${s}`;
}

// What each row may do; mirrors lcarsd's rules (pause: in the session; resume: a user pause;
// retry: failed). A VPN hold resumes by itself; Pause turns it into a user pause.
function actionsFor(d, isAdmin) {
  const list = [];
  if (['queued', 'downloading', 'seeding'].includes(d.status) || (d.status === 'paused' && d.paused_by === 'vpn')) list.push('pause');
  if (d.status === 'paused' && d.paused_by !== 'vpn') list.push('resume');
  if (d.status === 'failed') list.push('retry');
  if (isAdmin) list.push('remove');
  return list;
}

// GET /api/downloads/:id/files answers while the torrent is in lcarsd's session (409 after).
const IN_SESSION = ['queued', 'downloading', 'seeding', 'paused'];
const FILES_REFRESH_MS = 2000;

const ACTION_LABEL = { pause: 'Pause', resume: 'Resume', retry: 'Retry', remove: 'Remove' };
const ACTION_CLASS = { pause: 'c-peach', resume: 'c-blue', retry: 'c-orange', remove: 'c-red' };

// An API error as [headline, detail] for the user: the server's own reason stays verbatim.
export function describeError(err, what = 'Request') {
  const msg = err && err.message ? err.message : '';
  if (!err || err.status === 0) return ['Cannot reach the LCARS server', 'Check the connection and try again.'];
  switch (err.code) {
    case 'invalid_magnet': return ['Invalid magnet link', msg];
    case 'invalid_torrent': return ['Invalid .torrent file', msg];
    case 'invalid_argument': return ['Not accepted', msg];
    case 'duplicate': {
      const d = err.details;
      return ['Already in downloads', d && d.name ? `${d.name} (${statusLabel(d)})` : msg];
    }
    case 'daemon_unavailable': return ['Download engine offline', `lcarsd is not answering, so downloads cannot change right now. ${msg}`];
    case 'payload_too_large': return ['File too large', 'The server refused the upload as too large.'];
    case 'forbidden': return ['Admins only', msg];
    case 'not_found': return ['No longer exists', msg];
    case 'conflict': return [`${what} not possible now`, msg];
    default:
      if (err.status === 503) return ['Service unavailable', msg];
      if (err.status === 413) return ['File too large', 'The server refused the upload as too large.'];
      return [`${what} failed`, msg || `HTTP ${err.status}`];
  }
}

export const downloadsView = {
  title: 'Downloads',
  nav: '/downloads',
  mount(container) {
    let stopped = false;
    let isAdmin = false;
    let filter = 'all';
    const rows = new Map(); // id → {tr, cells…, actionsKey}

    // ---------- add form
    const magnet = h('input', {
      id: 'download-magnet', name: 'magnet', type: 'text', inputmode: 'url', autocomplete: 'off',
      autocapitalize: 'none', spellcheck: 'false', class: 'field-input', placeholder: 'magnet:?xt=urn:btih:…',
      'aria-describedby': 'download-add-error',
    });
    const file = h('input', {
      id: 'download-file', name: 'torrent', type: 'file', class: 'file-input',
      accept: '.torrent,application/x-bittorrent', 'aria-describedby': 'download-add-error',
    });
    const clearFile = h('button', { type: 'button', class: 'pill pill--small c-lavender', hidden: true, 'aria-label': 'Clear the chosen .torrent file' }, 'Clear');
    const submit = h('button', { id: 'download-add-submit', type: 'submit', class: 'pill c-orange' }, 'Add');
    const addError = h('div', { id: 'download-add-error', class: 'form-alert', role: 'alert' });
    const addNotice = h('p', { id: 'download-add-notice', class: 'form-notice', role: 'status' });
    const form = h('form', { id: 'download-add-form', class: 'add-form', novalidate: true },
      h('div', { class: 'field field--magnet' }, h('label', { for: 'download-magnet', class: 'field-label' }, 'Magnet link'), magnet),
      h('div', { class: 'field field--file' },
        h('label', { class: 'field-label', for: 'download-file' }, 'or .torrent file'),
        h('div', { class: 'file-row' }, file, clearFile)),
      h('div', { class: 'form-actions' }, submit),
      addError, addNotice);

    // ---------- list
    const filterBar = h('div', { id: 'download-filter', class: 'filter-bar', role: 'group', 'aria-label': 'Show downloads by status' },
      ['all', ...STATUSES].map((s) => h('button', {
        type: 'button', class: `filter-pill ${s === 'all' ? 'fp-all' : `st-${s}`}`, dataset: { filter: s },
        'aria-pressed': String(s === 'all'),
      }, h('span', { class: 'fp-label' }, s === 'all' ? 'All' : s), h('span', { class: 'fp-count', dataset: { count: s } }, '0'))));
    const live = h('p', { id: 'downloads-live', class: 'live-state', role: 'status', dataset: { state: connectionState() } });
    const totals = h('p', { id: 'downloads-totals', class: 'totals', title: 'Total transfer speed' });
    const tbody = h('tbody', { id: 'downloads-body' });
    const table = h('table', { id: 'downloads-table', class: 'dl-table' },
      h('caption', { class: 'visually-hidden' }, 'Downloads'),
      h('thead', {}, h('tr', {},
        // \u200b: a header may wrap after the slash, nowhere else.
        ['Name', 'Status', 'Progress', 'Size', 'Speed ↓/\u200b↑', 'Peers/\u200bSeeds', 'Ratio', 'ETA', 'Added', 'Actions']
          .map((t, i) => h('th', { scope: 'col', class: `col-${i}` }, t)))),
      tbody);
    const empty = h('p', { id: 'downloads-empty', class: 'dim empty-note' }, 'Scanning…');
    const listError = h('p', { id: 'downloads-error', class: 'error-text', role: 'alert' });

    // ---------- remove confirmation (a real modal: focus is trapped, Esc cancels)
    const delFiles = h('input', { id: 'remove-delete-files', type: 'checkbox', class: 'checkbox' });
    const removeName = h('strong', { class: 'verbatim', id: 'remove-name' });
    const removeError = h('p', { id: 'remove-error', class: 'error-text verbatim', role: 'alert' });
    const confirmBtn = h('button', { id: 'remove-confirm', type: 'button', class: 'pill c-red' }, 'Remove');
    const cancelBtn = h('button', { id: 'remove-cancel', type: 'button', class: 'pill c-lavender' }, 'Cancel');
    const dialog = h('dialog', { id: 'remove-dialog', class: 'lcars-dialog', 'aria-labelledby': 'remove-heading' },
      h('div', { class: 'panel c-accent-red' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'remove-heading' }, 'Remove download')),
        h('div', { class: 'panel-body dialog-body' },
          h('p', {}, 'Remove ', removeName, ' from downloads?'),
          h('label', { class: 'check-row', for: 'remove-delete-files' }, delFiles, h('span', {}, 'Also delete the downloaded files')),
          removeError,
          h('div', { class: 'dialog-actions' }, cancelBtn, confirmBtn))));
    let removeTarget = null;

    const root = h('div', { id: 'downloads', class: 'downloads' },
      h('section', { class: 'panel c-accent-blue', 'aria-labelledby': 'add-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'add-heading' }, 'Add download')),
        h('div', { class: 'panel-body' }, form)),
      h('section', { class: 'panel c-accent-orange', 'aria-labelledby': 'list-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'list-heading' }, 'Transfers')),
        h('div', { class: 'panel-body' },
          h('div', { class: 'list-toolbar' }, filterBar, h('div', { class: 'toolbar-end' }, totals, live)),
          listError,
          h('div', { class: 'table-wrap' }, table),
          empty)),
      dialog);
    container.append(root);

    // ---------- add
    file.addEventListener('change', () => {
      clearFile.hidden = !(file.files && file.files[0]);
    });
    clearFile.addEventListener('click', () => {
      file.value = '';
      clearFile.hidden = true;
      file.focus();
    });

    // A .torrent dragged from the file manager onto the form lands in the file input.
    const hasFiles = (ev) => ev.dataTransfer && [...ev.dataTransfer.types].includes('Files');
    form.addEventListener('dragover', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      form.classList.add('is-drop-target');
    });
    form.addEventListener('dragleave', (ev) => {
      if (!form.contains(ev.relatedTarget)) form.classList.remove('is-drop-target');
    });
    form.addEventListener('drop', (ev) => {
      form.classList.remove('is-drop-target');
      if (!hasFiles(ev) || !ev.dataTransfer.files.length) return;
      ev.preventDefault();
      file.files = ev.dataTransfer.files;
      file.dispatchEvent(new Event('change'));
      submit.focus();
    });

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (submit.disabled) return;
      showAddError(null);
      addNotice.textContent = '';
      const link = magnet.value.trim();
      const f = file.files && file.files[0];
      if (!link && !f) return showAddError(['Nothing to add', 'Paste a magnet link or choose a .torrent file.'], 'empty', magnet);
      if (link && f) return showAddError(['One at a time', 'Give either a magnet link or a .torrent file, not both.'], 'both', magnet);
      if (f && f.size > MAX_TORRENT_BYTES) {
        return showAddError(['File too large', `${f.name} is ${formatBytes(f.size)}; .torrent files over ${formatBytes(MAX_TORRENT_BYTES)} are not accepted.`], 'too_large', file);
      }
      setAddBusy(true);
      try {
        const body = link ? { magnet: link } : { torrent: await readBase64(f) };
        const d = await api('POST', '/downloads', { body });
        if (stopped) return;
        store.upsert(d);
        magnet.value = '';
        file.value = '';
        file.dispatchEvent(new Event('change'));
        addNotice.replaceChildren('Added ', h('span', { class: 'verbatim' }, d.name || `download ${d.id}`));
        if (filter !== 'all' && filter !== d.status) setFilter('all');
        flash(d.id);
        if (!form.contains(document.activeElement)) magnet.focus(); // the disabled Add button dropped it
      } catch (err) {
        if (stopped || err.status === 401) return;
        if (err.name === 'FileReadError') showAddError(['Cannot read the file', err.message], 'file', file);
        else showAddError(describeError(err, 'Add'), err.code, link ? magnet : file, err.code === 'duplicate' ? err.details : null);
      } finally {
        if (!stopped) setAddBusy(false);
      }
    });

    function setAddBusy(busy) {
      submit.disabled = busy;
      submit.textContent = busy ? 'Adding…' : 'Add';
      form.setAttribute('aria-busy', String(busy));
    }

    function showAddError(parts, code = '', focusEl = null, duplicate = null) {
      addError.replaceChildren();
      delete addError.dataset.code;
      if (!parts) return;
      const [head, detail] = parts;
      addError.dataset.code = code || 'error';
      addError.append(h('p', { class: 'alert-head' }, head));
      if (detail) addError.append(h('p', { class: 'alert-detail verbatim' }, detail));
      if (duplicate && typeof duplicate.id === 'number') {
        store.upsert(duplicate);
        addError.append(h('button', { type: 'button', class: 'pill pill--small c-orange', onclick: () => { setFilter('all'); flash(duplicate.id, true); } }, 'Show it'));
      }
      if (focusEl) focusEl.focus();
    }

    // ---------- filter
    filterBar.addEventListener('click', (ev) => {
      const btn = ev.target.closest('button[data-filter]');
      if (btn) setFilter(btn.dataset.filter);
    });
    function setFilter(next) {
      filter = next;
      for (const b of filterBar.querySelectorAll('button[data-filter]')) b.setAttribute('aria-pressed', String(b.dataset.filter === filter));
      applyFilter();
    }
    function applyFilter() {
      let shown = 0;
      for (const [id, r] of rows) {
        const d = store.get(id);
        const visible = Boolean(d) && (filter === 'all' || d.status === filter);
        r.tr.hidden = !visible;
        if (r.files) r.files.tr.hidden = !visible;
        if (visible) shown += 1;
      }
      const counts = { all: 0 };
      let down = 0;
      let up = 0;
      for (const d of store.all()) {
        counts.all += 1;
        counts[d.status] = (counts[d.status] || 0) + 1;
        if (d.status === 'downloading' && d.download_speed > 0) down += d.download_speed;
        if ((d.status === 'downloading' || d.status === 'seeding') && d.upload_speed > 0) up += d.upload_speed;
      }
      setText(totals, `↓ ${formatSpeed(down)} · ↑ ${formatSpeed(up)}`);
      for (const c of filterBar.querySelectorAll('[data-count]')) setText(c, String(counts[c.dataset.count] || 0));
      table.hidden = shown === 0;
      if (!store.isLoaded()) empty.textContent = store.loadError() ? '' : 'Scanning…';
      else if (counts.all === 0) empty.textContent = 'No downloads yet. Add a magnet link or a .torrent file above.';
      else if (shown === 0) empty.textContent = `No ${filter} downloads.`;
      else empty.textContent = '';
      empty.hidden = empty.textContent === '';
    }

    // ---------- rows
    function buildRow(d) {
      const name = h('span', { class: 'dl-name verbatim' });
      const rowError = h('p', { class: 'dl-row-error verbatim', role: 'alert' });
      const message = h('p', { class: 'dl-message verbatim' });
      const statusPill = h('span', { class: 'dl-status' });
      const fill = h('span', { class: 'dl-bar-fill' });
      const bar = h('div', { class: 'dl-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, fill);
      const pct = h('span', { class: 'dl-pct' });
      const size = h('span', {});
      const down = h('span', { class: 'dl-down' });
      const up = h('span', { class: 'dl-up' });
      const peers = h('span', {});
      const ratio = h('span', {});
      const eta = h('span', {});
      const added = h('time', {});
      const actions = h('div', { class: 'dl-actions' });
      const filesBtn = h('button', {
        type: 'button', class: 'dl-files-toggle', dataset: { toggle: 'files' },
        'aria-expanded': 'false', 'aria-controls': `download-files-${d.id}`,
      }, 'Files');
      const td = (cls, label, ...kids) => h('td', { class: cls, dataset: { label } }, kids);
      const tr = h('tr', { id: `download-${d.id}`, class: 'dl-row', dataset: { id: String(d.id) } },
        h('th', { scope: 'row', class: 'dl-cell-name' }, name, message, rowError, filesBtn),
        td('dl-cell-status', 'Status', statusPill),
        td('dl-cell-progress', 'Progress', bar, pct),
        td('dl-cell-size', 'Size', size),
        td('dl-cell-speed', 'Speed ↓ / ↑', down, h('span', { class: 'dl-sep', 'aria-hidden': 'true' }, ' / '), up),
        td('dl-cell-peers', 'Peers / Seeds', peers),
        td('dl-cell-ratio', 'Ratio', ratio),
        td('dl-cell-eta', 'ETA', eta),
        td('dl-cell-added', 'Added', added),
        td('dl-cell-actions', 'Actions', actions));
      const r = {
        tr, name, message, rowError, statusPill, fill, bar, pct, size, down, up, peers, ratio, eta, added, actions, filesBtn,
        actionsKey: null, busy: false, files: null, // files: {tr, body, timer, abort} while the file list is open
      };
      filesBtn.addEventListener('click', () => toggleFiles(Number(tr.dataset.id), r));
      actions.addEventListener('click', (ev) => {
        const btn = ev.target.closest('button[data-action]');
        if (btn && !r.busy) runAction(Number(tr.dataset.id), btn.dataset.action, r);
      });
      return r;
    }

    function paintRow(r, d) {
      const label = d.name || d.info_hash || `Download ${d.id}`;
      r.tr.dataset.status = d.status || '';
      if (d.paused_by) r.tr.dataset.pausedBy = d.paused_by; else delete r.tr.dataset.pausedBy;
      if (r.name.dataset.text !== label) {
        r.name.dataset.text = label;
        r.name.replaceChildren(...breakable(label));
      }
      r.name.title = label;
      // Failed ones carry the reason; a VPN hold carries the kill switch's.
      const sizeKnown = typeof d.size_bytes === 'number' && d.size_bytes > 0;
      const msg = d.error_message
        || (d.status === 'paused' && d.paused_by === 'vpn' ? 'Held by the VPN kill switch until the interface is back' : '')
        || (!sizeKnown && d.status === 'downloading' ? 'Fetching metadata from peers…' : '');
      setText(r.message, msg);
      r.message.hidden = !msg;
      r.message.classList.toggle('is-error', d.status === 'failed');
      r.message.classList.toggle('is-info', !d.error_message && d.status === 'downloading');

      r.statusPill.className = `dl-status ${statusClass(d)}`;
      setText(r.statusPill, statusLabel(d));

      const p = typeof d.progress === 'number' ? Math.min(1, Math.max(0, d.progress)) : 0;
      r.fill.style.width = `${(p * 100).toFixed(1)}%`; // CSSOM, allowed by the CSP (no style attribute in markup)
      r.fill.className = `dl-bar-fill ${statusClass(d)}`;
      r.bar.setAttribute('aria-valuenow', (p * 100).toFixed(1));
      r.bar.setAttribute('aria-label', `${label}: ${formatPercent(p)}`);
      setText(r.pct, formatPercent(d.progress));

      setText(r.size, sizeKnown ? formatBytes(d.size_bytes) : NONE);
      // Only a running torrent has speeds (a seeding one downloads nothing, whatever the last sample said).
      setText(r.down, d.status === 'downloading' ? formatSpeed(d.download_speed) : NONE);
      setText(r.up, ['downloading', 'seeding'].includes(d.status) ? formatSpeed(d.upload_speed) : NONE);
      setText(r.peers, `${formatCount(d.peers)} / ${formatCount(d.seeds)}`);
      setText(r.ratio, formatRatio(d.ratio));
      setText(r.eta, d.status === 'downloading'
        ? (typeof d.eta_seconds === 'number' ? formatDuration(d.eta_seconds) : '∞')
        : NONE);
      setText(r.added, formatWhen(d.added_at));
      if (d.added_at) r.added.setAttribute('datetime', d.added_at);
      r.added.title = formatDateTime(d.added_at);

      const inSession = IN_SESSION.includes(d.status);
      r.filesBtn.hidden = !inSession;
      if (!inSession && r.files) closeFiles(r);
      r.filesBtn.setAttribute('aria-label', `Files of ${label}`);

      // Buttons only change with the status, so focus survives progress ticks.
      const acts = actionsFor(d, isAdmin);
      const key = acts.join(',');
      if (key !== r.actionsKey) {
        const hadFocus = r.actions.contains(document.activeElement);
        r.actionsKey = key;
        r.actions.replaceChildren(...acts.map((a) => h('button', {
          type: 'button', class: `pill pill--small ${ACTION_CLASS[a]}`, dataset: { action: a },
          'aria-label': `${ACTION_LABEL[a]} ${label}`, 'aria-disabled': r.busy ? 'true' : null,
        }, ACTION_LABEL[a])));
        if (hadFocus) (r.actions.querySelector('button') || r.tr.querySelector('.dl-name')).focus?.();
      }
    }

    function render(change) {
      if (stopped) return;
      if (change.type === 'error') {
        const [head, detail] = describeError(change.error, 'Loading downloads');
        listError.textContent = `${head}: ${detail}`;
      } else if (change.type === 'reset') {
        listError.textContent = '';
      }
      if (change.type === 'upsert') {
        upsertRow(store.get(change.id));
      } else if (change.type === 'remove') {
        const r = rows.get(change.id);
        if (r) {
          dropRow(r);
          rows.delete(change.id);
        }
      } else {
        syncAll();
      }
      applyFilter();
    }

    function upsertRow(d) {
      if (!d) return;
      let r = rows.get(d.id);
      if (!r) {
        r = buildRow(d);
        rows.set(d.id, r);
        insertInOrder(r.tr, d.id);
      }
      paintRow(r, d);
    }

    // Newest (highest id) first, like the API.
    function insertInOrder(tr, id) {
      for (const other of tbody.children) {
        if (Number(other.dataset.id) < id) {
          tbody.insertBefore(tr, other);
          return;
        }
      }
      tbody.append(tr);
    }

    function syncAll() {
      const list = store.all();
      const ids = new Set(list.map((d) => d.id));
      for (const [id, r] of rows) {
        if (!ids.has(id)) {
          dropRow(r);
          rows.delete(id);
        }
      }
      for (const d of list) upsertRow(d);
    }

    function flash(id, focus = false) {
      const r = rows.get(id);
      if (!r) return;
      r.tr.classList.remove('is-new');
      void r.tr.offsetWidth; // restart the animation
      r.tr.classList.add('is-new');
      r.tr.scrollIntoView({ block: 'nearest' });
      if (focus) (r.actions.querySelector('button') || null)?.focus();
    }

    // ---------- files (a detail row under the download, refreshed while open)
    function toggleFiles(id, r) {
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
      loadFiles(id, r);
    }

    async function loadFiles(id, r) {
      const f = r.files;
      if (!f || stopped) return;
      clearTimeout(f.timer);
      f.abort = new AbortController();
      try {
        const list = await api('GET', `/downloads/${id}/files`, { signal: f.abort.signal });
        if (r.files !== f || stopped) return;
        f.body.replaceChildren(renderFiles(list));
      } catch (err) {
        if (err.name === 'AbortError' || r.files !== f || stopped || err.status === 401) return;
        f.body.replaceChildren(h('p', { class: err.status === 409 ? 'dim' : 'error-text' },
          err.status === 409 ? 'Files are listed while the torrent is in the session.' : describeError(err, 'Files').join(': ')));
        if (err.status === 409 || err.status === 404) return;
      }
      const d = store.get(id);
      if (d && ['queued', 'downloading'].includes(d.status)) f.timer = setTimeout(() => loadFiles(id, r), FILES_REFRESH_MS);
    }

    function closeFiles(r) {
      const f = r.files;
      if (!f) return;
      clearTimeout(f.timer);
      f.abort?.abort();
      f.tr.remove();
      r.files = null;
      r.filesBtn.setAttribute('aria-expanded', 'false');
    }

    function dropRow(r) {
      closeFiles(r);
      r.tr.remove();
    }

    // ---------- actions
    async function runAction(id, action, r) {
      const d = store.get(id);
      if (!d) return;
      if (action === 'remove') return openRemove(d);
      setText(r.rowError, '');
      // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
      r.busy = true;
      for (const b of r.actions.querySelectorAll('button')) b.setAttribute('aria-disabled', 'true');
      r.tr.setAttribute('aria-busy', 'true');
      try {
        const updated = await api('POST', `/downloads/${id}/${action}`);
        if (stopped) return;
        store.upsert(updated);
      } catch (err) {
        if (stopped || err.status === 401) return;
        const [head, detail] = describeError(err, ACTION_LABEL[action]);
        setText(r.rowError, `${head}: ${detail}`);
        if (err.status === 404) store.forget(id);
      } finally {
        r.busy = false;
        if (!stopped) {
          r.tr.removeAttribute('aria-busy');
          for (const b of r.actions.querySelectorAll('button')) b.removeAttribute('aria-disabled');
        }
      }
    }

    function openRemove(d) {
      removeTarget = d.id;
      removeName.textContent = d.name || `download ${d.id}`;
      delFiles.checked = false;
      removeError.textContent = '';
      confirmBtn.disabled = false;
      confirmBtn.textContent = 'Remove';
      dialog.showModal();
      cancelBtn.focus();
    }
    function closeRemove() {
      const id = removeTarget;
      removeTarget = null;
      if (dialog.open) dialog.close();
      const r = id !== null && rows.get(id);
      r?.actions.querySelector('[data-action=remove]')?.focus();
    }
    cancelBtn.addEventListener('click', closeRemove);
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault(); // Esc: close through our path so focus returns to the row
      closeRemove();
    });
    confirmBtn.addEventListener('click', async () => {
      const id = removeTarget;
      if (id === null) return;
      confirmBtn.disabled = true;
      confirmBtn.textContent = 'Removing…';
      removeError.textContent = '';
      try {
        await api('DELETE', `/downloads/${id}?delete_files=${delFiles.checked ? 'true' : 'false'}`);
        if (stopped) return;
        removeTarget = null;
        dialog.close();
        addNotice.replaceChildren('Removed ', h('span', { class: 'verbatim' }, removeName.textContent));
        store.forget(id);
        (tbody.querySelector('tr:not([hidden]) button') || filterBar.querySelector('[aria-pressed=true]')).focus();
      } catch (err) {
        if (stopped || err.status === 401) return;
        const [head, detail] = describeError(err, 'Remove');
        removeError.textContent = `${head}: ${detail}`;
        confirmBtn.disabled = false;
        confirmBtn.textContent = 'Remove';
        if (err.status === 404) store.forget(id);
      }
    });

    // ---------- live link indicator
    function showLive(stateName) {
      live.dataset.state = stateName;
      live.textContent = stateName === 'open' ? 'Live'
        : stateName === 'retrying' ? 'Link lost · reconnecting'
          : stateName === 'connecting' ? 'Connecting…' : 'Offline';
    }
    showLive(connectionState());
    const offConn = on('connection', (c) => showLive(c.state));

    // ---------- start
    const unsubscribe = store.subscribe(render);
    syncAll();
    applyFilter();
    me().then((user) => {
      if (stopped) return;
      isAdmin = user && user.role === 'admin';
      root.dataset.role = user && typeof user.role === 'string' ? user.role : 'unknown';
      for (const [id, r] of rows) {
        r.actionsKey = null;
        paintRow(r, store.get(id));
      }
    }).catch(() => { /* 401 handled app-wide; without a role no Remove buttons are shown */ });

    return () => {
      stopped = true;
      for (const r of rows.values()) closeFiles(r);
      unsubscribe();
      offConn();
      if (dialog.open) dialog.close();
    };
  },
};

// Release names are long runs without spaces ("Some.Movie.2024.1080p.BluRay-GRP"): offer line
// breaks after dots, dashes and underscores (<wbr>, so a copied name stays exact).
function breakable(text) {
  const parts = text.split(/(?<=[._\-])/);
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [part, h('wbr')] : [part]));
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// FileReader → data: URL → the base64 after the comma.
function readBase64(f) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result || '');
      const comma = s.indexOf(',');
      resolve(comma >= 0 ? s.slice(comma + 1) : '');
    };
    reader.onerror = () => {
      const e = new Error(reader.error ? reader.error.message : 'the browser could not read the file');
      e.name = 'FileReadError';
      reject(e);
    };
    reader.readAsDataURL(f);
  });
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
