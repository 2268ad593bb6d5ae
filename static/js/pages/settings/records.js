// Settings → Blocklist, System status and Activity log: what the server has recorded.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { button } from '../../components/lcars-button.js';
import { confirmDialog } from '../../components/confirm-dialog.js';
import { renderStatus } from '../../components/status-panel.js';
import { blocklist, system } from '../../stores/admin.js';

export function blocklistSection() {
  const list = h('ul', { id: 'blocklist-list', class: 'row-list' });
  async function load() {
    try {
      const rows = await blocklist.list();
      list.replaceChildren(...(rows.length ? rows.map(row) : [h('li', { class: 'dim' }, 'Nothing is blocklisted.')]));
    } catch (err) { list.replaceChildren(stateLine(err.message, 'error')); }
  }
  function row(b) {
    return h('li', { class: 'row-item' },
      h('p', {}, h('strong', { class: 'verbatim row-title' }, b.title)),
      h('p', { class: 'dim verbatim' }, [b.indexer, b.reason, b.info_hash, b.created_at].filter(Boolean).join(' · ')),
      h('div', { class: 'form-actions' }, button('Remove', { small: true, color: 'red', 'aria-label': `Remove ${b.title} from the blocklist`, onClick: async () => {
        if (!await confirmDialog({ title: 'Unblock release', message: `Allow “${b.title}” to be grabbed again?`, confirmLabel: 'Remove' })) return;
        try { await blocklist.remove(b.id); } finally { load(); }
      } })));
  }
  load();
  return panel({ title: 'Blocklist', accent: 'red', id: 'settings-blocklist' }, list);
}

export function statusSection() {
  const body = h('div', { class: 'status-body' }, stateLine('Scanning…'));
  system.status().then((s) => body.replaceChildren(renderStatus(s))).catch((err) => body.replaceChildren(stateLine(err.message, 'error')));
  return panel({ title: 'System status', accent: 'lavender', id: 'settings-status' }, body);
}

export function activitySection() {
  const list = h('ol', { id: 'activity-list', class: 'row-list activity-list' });
  const more = button('Older', { small: true, color: 'lavender', onClick: () => load(list.lastElementChild && list.lastElementChild.dataset.id) });
  async function load(before) {
    const params = new URLSearchParams({ limit: '25' });
    if (before) params.set('before', before);
    try {
      const rows = await system.activity(params);
      list.append(...rows.map((a) => h('li', { class: 'activity', dataset: { id: String(a.id) } },
        h('span', { class: 'dim' }, a.created_at), ' ', h('span', { class: 'badge ms-monitored' }, a.event_type.replace(/_/g, ' ')), ' ',
        h('span', { class: 'verbatim' }, a.message), a.username ? h('span', { class: 'dim verbatim' }, ` · ${a.username}`) : null)));
      more.hidden = rows.length < 25;
      if (!list.children.length) list.append(h('li', { class: 'dim' }, 'No activity yet.'));
    } catch (err) { list.append(stateLine(err.message, 'error')); }
  }
  load();
  return panel({ title: 'Activity log', accent: 'tan', id: 'settings-activity' }, list, more);
}
