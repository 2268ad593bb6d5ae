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
// The add form is built by download-add.js, the file lists by download-files.js; statuses and
// error wording come from download-status.js (re-exported here for the dashboard).
//
// Rows are patched in place (never rebuilt) so a progress tick does not steal keyboard focus.
import { h } from '../../core/dom.js';
import { api } from '../../core/api.js';
import { me } from '../../core/auth.js';
import { on, connectionState } from '../../core/events.js';
import * as store from '../../stores/downloads-store.js';
import {
  NONE, formatBytes, formatSpeed, formatPercent, formatRatio, formatDuration, formatWhen, formatDateTime, formatCount,
} from '../../core/format.js';
import { STATUSES, statusLabel, statusClass, describeError } from './download-status.js';
import { createAddForm } from './download-add.js';
import { IN_SESSION, toggleFiles, closeFiles } from './download-files.js';

export { STATUSES, statusLabel, statusClass, describeError };

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

const ACTION_LABEL = { pause: 'Pause', resume: 'Resume', retry: 'Retry', remove: 'Remove' };
const ACTION_CLASS = { pause: 'c-peach', resume: 'c-blue', retry: 'c-orange', remove: 'c-red' };

export const downloadsView = {
  title: 'Downloads',
  nav: '/downloads',
  mount(container) {
    let stopped = false;
    let isAdmin = false;
    let filter = 'all';
    const rows = new Map(); // id → {tr, cells…, actionsKey}

    // ---------- add form
    const { form, notice: addNotice } = createAddForm({
      isStopped: () => stopped,
      onAdded: (d) => {
        if (filter !== 'all' && filter !== d.status) setFilter('all');
        flash(d.id);
      },
      onShowDuplicate: (id) => {
        setFilter('all');
        flash(id, true);
      },
    });

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
        'aria-expanded': 'false', // aria-controls is set while the files row exists (download-files.js)
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
      filesBtn.addEventListener('click', () => toggleFiles(Number(tr.dataset.id), r, () => stopped));
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
