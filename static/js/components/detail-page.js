// The frame of every detail page: a back link, "Loading…", the item fetched by id, an error in
// place of the page when it cannot be read, and a repaint whenever the page asks for one.
import { h } from '../core/dom.js';
import { stateLine } from './lcars-panel.js';
import { linkButton } from './lcars-button.js';

/**
 * mountDetail(container, {id, back: [label, href, colour], load() → item, render(item, repaint) → nodes[], titleOf(item)})
 * Returns the back-link paragraph so a page can point it elsewhere once the item is known.
 */
export async function mountDetail(container, { id, back, load, render, titleOf }) {
  const backLink = h('p', { class: 'back-link' }, linkButton(back[0], back[1], { color: back[2] }));
  const body = h('div', { id }, stateLine('Loading…'));
  container.append(backLink, body);
  let item;
  try {
    item = await load();
  } catch (err) {
    body.replaceChildren(stateLine(err.message, 'error'));
    return undefined;
  }
  const paint = (current) => {
    document.title = `LCARS · ${titleOf(current)}`;
    body.replaceChildren(...render(current, paint, backLink));
  };
  paint(item);
  return undefined;
}
