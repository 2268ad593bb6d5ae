// LcarsPanel: coloured head bar with a rounded cap and a coloured accent bar down the left.
import { h } from '../core/dom.js';

let counter = 0;

/** panel({title, accent: 'orange', id}, ...children) → <section> labelled by its heading. */
export function panel({ title, accent = 'orange', id, extraClass = '', actions = null }, ...children) {
  const headingId = `${id || 'panel'}-h${++counter}`;
  return h('section', { id, class: `panel c-accent-${accent} ${extraClass}`.trim(), 'aria-labelledby': headingId },
    h('div', { class: 'panel-head' }, h('h2', { id: headingId }, title)),
    h('div', { class: 'panel-body' }, actions ? h('div', { class: 'panel-actions' }, actions) : null, ...children));
}

/** A line that says what is going on ("Loading…", an error) in place of content. */
export function stateLine(text, kind = 'dim') {
  return h('p', { class: kind === 'error' ? 'notice verbatim' : 'dim', role: kind === 'error' ? 'alert' : 'status' }, text);
}
