// A switch button (aria-pressed) that saves through `save(next)` and shows the server's answer.
// On failure it stays where it was and calls onError with the API's message.
import { h } from '../core/dom.js';

export function toggle({ label, pressed, save, onError, id, small = true, labelOn = 'Monitored', labelOff = 'Unmonitored' }) {
  const btn = h('button', {
    type: 'button', id, class: `pill toggle${small ? ' pill--small' : ''}`, 'aria-pressed': String(Boolean(pressed)),
    'aria-label': label ? `${label}: monitored` : null,
  });
  const paint = (on) => {
    btn.setAttribute('aria-pressed', String(on));
    btn.classList.toggle('c-orange', on);
    btn.classList.toggle('c-lavender', !on);
    btn.textContent = on ? labelOn : labelOff;
  };
  paint(Boolean(pressed));
  btn.addEventListener('click', async () => {
    const next = btn.getAttribute('aria-pressed') !== 'true';
    btn.disabled = true;
    try {
      const result = await save(next);
      paint(typeof result === 'boolean' ? result : next);
    } catch (err) {
      if (onError) onError(err);
    } finally {
      btn.disabled = false;
    }
  });
  btn.setPressed = paint;
  return btn;
}
