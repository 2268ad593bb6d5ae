// The "Add download" form of the Downloads screen: a magnet link or a .torrent file (chosen or
// dragged onto the form, sent as base64), with inline errors and a notice once added.
//
// Ids relied on by Tests/system/test_browser_downloads.py (listed in downloads.js too):
//   #download-add-form, #download-magnet, #download-file, #download-add-submit,
//   #download-add-error (data-code; .alert-detail is the server's message), #download-add-notice.
import { h } from '../../core/dom.js';
import { api } from '../../core/api.js';
import * as store from '../../stores/downloads-store.js';
import { formatBytes } from '../../core/format.js';
import { describeError } from './download-status.js';

// .torrent files travel as base64 in JSON; nginx refuses bodies over 1 MiB.
const MAX_TORRENT_BYTES = 700 * 1024;

// Builds the form and wires it. The list owns filtering and highlighting, so it is told:
// onAdded(d) once a download is added (already in the store), onShowDuplicate(id) when the user
// asks to see the existing download a duplicate error points at. isStopped() is true once the
// screen is gone. Returns the form and the notice line (the list reports removals there too).
export function createAddForm({ isStopped, onAdded, onShowDuplicate }) {
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
      if (isStopped()) return;
      store.upsert(d);
      magnet.value = '';
      file.value = '';
      file.dispatchEvent(new Event('change'));
      addNotice.replaceChildren('Added ', h('span', { class: 'verbatim' }, d.name || `download ${d.id}`));
      onAdded(d);
      if (!form.contains(document.activeElement)) magnet.focus(); // the disabled Add button dropped it
    } catch (err) {
      if (isStopped() || err.status === 401) return;
      if (err.name === 'FileReadError') showAddError(['Cannot read the file', err.message], 'file', file);
      else showAddError(describeError(err, 'Add'), err.code, link ? magnet : file, err.code === 'duplicate' ? err.details : null);
    } finally {
      if (!isStopped()) setAddBusy(false);
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
      addError.append(h('button', { type: 'button', class: 'pill pill--small c-orange', onclick: () => onShowDuplicate(duplicate.id) }, 'Show it'));
    }
    if (focusEl) focusEl.focus();
  }

  return { form, notice: addNotice };
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
