// Settings → Storage: every configured mount with its free space, and a "Test" that has lcarsd
// write, read back and delete a probe file there (GET /api/storage/mounts, POST …/:name/test).
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { button } from '../../components/lcars-button.js';
import { formatBytes } from '../../core/format.js';
import { storage } from '../../stores/admin.js';

export function storageSection() {
  const list = h('ul', { id: 'storage-list', class: 'row-list' });
  async function load() {
    try {
      const mounts = await storage.mounts();
      list.replaceChildren(...(mounts.length ? mounts.map(row) : [h('li', { class: 'dim' }, 'No storage mounts configured.')]));
    } catch (err) { list.replaceChildren(stateLine(err.message, 'error')); }
  }
  function row(m) {
    const note = h('p', { class: 'verbatim dim', role: 'status' });
    const space = m.free_bytes != null ? `${formatBytes(m.free_bytes)} free of ${formatBytes(m.total_bytes || 0)}` : '';
    const state = !m.enabled ? 'disabled' : m.available ? 'available' : 'unavailable';
    const test = button('Test', { small: true, color: 'blue', disabled: !m.enabled, 'aria-label': `Test the ${m.name} mount`, onClick: async () => {
      test.disabled = true;
      note.textContent = 'Testing…';
      try {
        const r = await storage.test(m.name);
        note.textContent = r.success ? `Write test passed${r.free_space_bytes != null ? `, ${formatBytes(r.free_space_bytes)} free` : ''}` : r.message;
        note.className = r.success ? 'verbatim' : 'verbatim error-text';
      } catch (err) {
        note.textContent = err.message;
        note.className = 'verbatim error-text';
      } finally { test.disabled = false; }
    } });
    return h('li', { class: 'row-item', dataset: { mount: m.name } },
      h('p', {}, h('strong', { class: 'verbatim row-title' }, m.name), h('span', { class: 'dim' }, ` · ${m.type} · ${state}`)),
      h('p', { class: m.error ? 'dim verbatim error-text' : 'dim' }, [space, m.error].filter(Boolean).join(' — ') || '—'),
      h('div', { class: 'form-actions' }, test), note);
  }
  load();
  return panel({ title: 'Storage', accent: 'blue', id: 'settings-storage' }, list);
}
