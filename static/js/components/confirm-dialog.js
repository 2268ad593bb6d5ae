// Destructive actions ask first: a modal with the consequence spelt out, an optional
// checkbox (e.g. "also delete files"), Cancel focused by default. Resolves to null when cancelled.
import { h } from '../core/dom.js';

export function confirmDialog({ title, message, confirmLabel = 'Delete', option = null, id = 'confirm-dialog' }) {
  return new Promise((resolve) => {
    const opt = option ? h('input', { id: `${id}-option`, type: 'checkbox', class: 'checkbox' }) : null;
    const ok = h('button', { id: `${id}-ok`, type: 'button', class: 'pill c-red' }, confirmLabel);
    const cancel = h('button', { id: `${id}-cancel`, type: 'button', class: 'pill c-lavender' }, 'Cancel');
    const dialog = h('dialog', { id, class: 'lcars-dialog', 'aria-labelledby': `${id}-heading` },
      h('div', { class: 'panel c-accent-red' },
        h('div', { class: 'panel-head' }, h('h2', { id: `${id}-heading` }, title)),
        h('div', { class: 'panel-body dialog-body' },
          h('p', { class: 'verbatim' }, message),
          opt ? h('label', { class: 'check-row', for: `${id}-option` }, opt, h('span', {}, option)) : null,
          h('div', { class: 'dialog-actions' }, cancel, ok))));
    let answer = null;
    ok.addEventListener('click', () => { answer = { option: opt ? opt.checked : false }; dialog.close(); });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { dialog.remove(); resolve(answer); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
