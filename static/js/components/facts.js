// A definition list of label → value, <dt>/<dd> directly in the <dl> (what screen readers and
// axe expect). Rows without a value are left out. A row may carry attributes for its <dd>.
import { h } from '../core/dom.js';

/** facts([[label, value, ddAttrs?]…], {inline}) */
export function facts(rows, { inline = false } = {}) {
  return h('dl', { class: `facts${inline ? ' facts--inline' : ''}` },
    rows.filter(([, v]) => v !== undefined && v !== null && v !== '')
      .flatMap(([k, v, attrs]) => [h('dt', {}, k), h('dd', attrs || {}, v instanceof Node ? v : String(v))]));
}
