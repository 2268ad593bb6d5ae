// Labelled form fields with their error message right below them (aria-describedby links them).
import { h } from '../core/dom.js';

let counter = 0;

/** field({label, name, type, options: [[value, text]…], value, required}) → {el, input, setError} */
export function field({ label, name, type = 'text', options = null, value = '', required = false, autocomplete = null, hint = '' }) {
  const id = `f-${name}-${++counter}`;
  const error = h('p', { id: `${id}-err`, class: 'field-error verbatim', role: 'alert' });
  const input = options
    ? h('select', { id, name, class: 'field-input' }, options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)))
    : h('input', { id, name, type, class: 'field-input', value, required, autocomplete, spellcheck: 'false', autocapitalize: 'none' });
  input.setAttribute('aria-describedby', `${id}-err`);
  const el = h('div', { class: 'field' }, h('label', { for: id, class: 'field-label' }, label), input,
    hint ? h('p', { class: 'dim field-hint' }, hint) : null, error);
  const setError = (text) => {
    error.textContent = text || '';
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => setError(''));
  return { el, input, setError };
}

/** A checkbox with its label on the same row. */
export function checkbox({ label, name, checked = false }) {
  const id = `c-${name}-${++counter}`;
  const input = h('input', { id, name, type: 'checkbox', class: 'checkbox', checked });
  return { el: h('label', { class: 'check-row', for: id }, input, h('span', {}, label)), input };
}

/**
 * Puts an API error next to the field it names (422 messages name the field, 400 field_too_long
 * has details.field), else in the form's own error line.
 */
export function showFormError(err, fields, formError) {
  const named = err && err.details && err.details.field;
  const target = Object.entries(fields).find(([name]) => name === named
    || (err && typeof err.message === 'string' && new RegExp(`\\b${name}\\b`).test(err.message)));
  if (target) {
    target[1].setError(err.message);
    target[1].input.focus();
  } else {
    formError.textContent = err ? err.message : '';
  }
}
