// Settings → Indexers: each with its state and last error, enable/disable, test, edit (URL, API key,
// priority, categories), delete; add.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { field, checkbox, showFormError } from '../../components/field.js';
import { button } from '../../components/lcars-button.js';
import { toggle } from '../../components/toggle.js';
import { confirmDialog } from '../../components/confirm-dialog.js';
import { indexers } from '../../stores/admin.js';

export function indexersSection() {
  const list = h('ul', { id: 'indexers-list', class: 'row-list' });
  const f = {
    name: field({ label: 'Name', name: 'name' }),
    indexer_type: field({ label: 'Type', name: 'indexer_type', options: [['torznab', 'torznab'], ['rss', 'rss']] }),
    url: field({ label: 'URL', name: 'url', type: 'url' }),
    api_key: field({ label: 'API key', name: 'api_key', type: 'password', autocomplete: 'new-password' }),
    priority: priorityField('priority', 50),
  };
  const addCategories = categoryChoice('add', CATEGORIES);
  const formError = h('p', { class: 'form-error verbatim', role: 'alert' });
  const form = h('form', { id: 'add-indexer-form', class: 'form-grid', novalidate: true, 'aria-label': 'Add indexer' },
    Object.values(f).map((x) => x.el), addCategories.el,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'pill pill--small c-orange' }, 'Add indexer')), formError);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    formError.textContent = '';
    const body = { name: f.name.input.value.trim(), indexer_type: f.indexer_type.input.value, url: f.url.input.value.trim(),
      priority: Number(f.priority.input.value), categories: addCategories.value() };
    if (f.api_key.input.value) body.api_key = f.api_key.input.value;
    try { await indexers.add(body); form.reset(); load(); } catch (err) { showFormError(err, { ...f, categories: addCategories }, formError); }
  });

  async function load() {
    try { list.replaceChildren(...(await indexers.list()).map(row)); } catch (err) { list.replaceChildren(stateLine(err.message, 'error')); }
  }

  function row(ix) {
    const note = h('p', { class: 'verbatim dim', role: 'status' });
    const edit = {
      url: field({ label: `URL of ${ix.name}`, name: `url-${ix.id}`, type: 'url', value: ix.url }),
      // The API answers the key masked; left empty, it is not sent and stays as it is. The built-in
      // public indexers take none.
      api_key: ix.indexer_type === 'public' ? null : field({ label: `New API key of ${ix.name}`, name: `key-${ix.id}`, type: 'password', autocomplete: 'new-password',
        hint: ix.api_key ? `Now ${ix.api_key}; leave empty to keep it` : 'None set' }),
      priority: priorityField(`priority-${ix.id}`, ix.priority, `Priority of ${ix.name}`),
    };
    const categories = categoryChoice(ix.id, ix.categories || []);
    const save = button('Save', { small: true, color: 'blue', 'aria-label': `Save ${ix.name}`, onClick: async () => {
      note.textContent = '';
      const body = { url: edit.url.input.value.trim(), priority: Number(edit.priority.input.value), categories: categories.value() };
      if (edit.api_key && edit.api_key.input.value) body.api_key = edit.api_key.input.value;
      try {
        const saved = await indexers.update(ix.id, body);
        if (edit.api_key) edit.api_key.input.value = '';
        summary.textContent = summaryText(saved);
        note.textContent = 'Saved';
      } catch (err) { showFormError(err, Object.fromEntries(Object.entries({ ...edit, categories }).filter(([, x]) => x)), note); }
    } });
    const test = button('Test', { small: true, color: 'peach', 'aria-label': `Test ${ix.name}`, onClick: async () => {
      test.disabled = true;
      note.textContent = 'Testing…';
      try { const r = await indexers.test(ix.id); note.textContent = `${r.success ? 'OK' : 'Failed'}: ${r.message} (${r.response_time_ms} ms)`; } catch (err) { note.textContent = err.message; } finally { test.disabled = false; }
    } });
    const del = button('Delete', { small: true, color: 'red', 'aria-label': `Delete indexer ${ix.name}`, onClick: async () => {
      if (!await confirmDialog({ title: 'Delete indexer', message: `Delete the indexer “${ix.name}”?` })) return;
      try { await indexers.remove(ix.id); load(); } catch (err) { note.textContent = err.message; }
    } });
    const enabled = toggle({ label: ix.name, pressed: ix.enabled, labelOn: 'Enabled', labelOff: 'Disabled',
      save: async (next) => (await indexers.update(ix.id, { enabled: next })).enabled, onError: (err) => { note.textContent = err.message; } });
    enabled.setAttribute('aria-label', `${ix.name}: enabled`);
    const summary = h('span', { class: 'dim indexer-summary' }, summaryText(ix));
    return h('li', { class: 'row-item', dataset: { indexer: ix.name } },
      h('p', {}, h('strong', { class: 'verbatim row-title' }, ix.name), summary),
      ix.last_error ? h('p', { class: 'error-text verbatim' }, `Last error: ${ix.last_error}`) : h('p', { class: 'dim' }, ix.last_check ? `Last check ${ix.last_check}: OK` : 'Not checked yet'),
      h('div', { class: 'form-grid' }, Object.values(edit).filter(Boolean).map((x) => x.el), categories.el, h('div', { class: 'form-actions' }, enabled, save, test, del)), note);
  }

  load();
  return panel({ title: 'Indexers', accent: 'peach', id: 'settings-indexers' }, list, h('h3', { class: 'sub-heading' }, 'Add indexer'), form);
}

const CATEGORIES = ['movies', 'tv', 'music'];

function summaryText(ix) {
  return ` · ${ix.indexer_type} · ${(ix.categories || []).join(', ')} · priority ${ix.priority}`;
}

/** Priority 1–100 (lower is asked first and wins ties); the API checks the range. */
function priorityField(name, value, label = 'Priority') {
  const f = field({ label, name, type: 'number', value: String(value), hint: '1–100, lower first' });
  f.input.min = '1';
  f.input.max = '100';
  f.input.step = '1';
  return f;
}

/** The categories an indexer is asked for, as a group of checkboxes with one error line. */
function categoryChoice(key, chosen) {
  const boxes = CATEGORIES.map((c) => checkbox({ label: c, name: `cat-${key}-${c}`, checked: chosen.includes(c) }));
  const error = h('p', { class: 'field-error verbatim', role: 'alert' });
  const el = h('fieldset', { class: 'field category-choice' }, h('legend', { class: 'field-label' }, 'Categories'), boxes.map((b) => b.el), error);
  return {
    el,
    input: boxes[0].input,
    value: () => CATEGORIES.filter((_, i) => boxes[i].input.checked),
    setError: (text) => { error.textContent = text || ''; },
  };
}
