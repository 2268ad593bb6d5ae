// LcarsButton: the rounded pill in an LCARS colour. Text is the accessible name.
import { h } from '../core/dom.js';

/** button('Search', {color: 'orange', small: true, onClick, id, ...more attributes}) */
export function button(label, { color = 'orange', small = false, onClick, ...attrs } = {}) {
  return h('button', {
    type: 'button', ...attrs,
    class: `pill c-${color}${small ? ' pill--small' : ''}${attrs.class ? ` ${attrs.class}` : ''}`,
    onclick: onClick,
  }, label);
}

/** A pill that is a link inside the app (the router takes data-link clicks). */
export function linkButton(label, href, { color = 'orange', small = true, ...attrs } = {}) {
  return h('a', { href, 'data-link': true, ...attrs, class: `pill c-${color}${small ? ' pill--small' : ''}` }, label);
}

/** Runs `work` with the button disabled and a busy label, restoring both afterwards. */
export async function whileBusy(btn, busyLabel, work) {
  const label = btn.textContent;
  btn.disabled = true;
  btn.textContent = busyLabel;
  try {
    return await work();
  } finally {
    btn.disabled = false;
    btn.textContent = label;
  }
}
