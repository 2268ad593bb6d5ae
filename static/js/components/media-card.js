// MediaCard: a poster card with its status on top, linking to the item's page. Posters and covers
// come from our own origin (GET /api/images/…, CSP img-src 'self'); the LCARS placeholder sits
// underneath and shows when there is no image or it fails to load.
import { h } from '../core/dom.js';
import { statusBadge } from './status-badge.js';

const ACCENTS = ['orange', 'peach', 'lavender', 'purple', 'blue', 'tan'];

/** The placeholder poster; with `image` (an /api/images/… address) the picture covers it once loaded. */
export function posterPlaceholder(title, seed = 0, big = false, image = null) {
  const initials = String(title || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]).join('');
  return h('div', { class: `poster c-${ACCENTS[seed % ACCENTS.length]}${big ? ' poster--big' : ''}`, 'aria-hidden': 'true' },
    h('span', { class: 'poster-initials' }, initials || '?'),
    posterImage(image));
}

// Only our own image route: anything else would be refused by the CSP anyway.
function posterImage(src) {
  if (typeof src !== 'string' || !src.startsWith('/api/images/')) return null;
  const img = h('img', { class: 'poster-image', src, alt: '', loading: 'lazy', decoding: 'async' });
  img.addEventListener('error', () => img.remove(), { once: true });   // the placeholder shows again
  return img;
}

/** mediaCard({href, title, subtitle, status, monitored, id, image}) */
export function mediaCard({ href, title, subtitle = '', status = null, monitored = null, id = 0, note = '', image = null }) {
  return h('li', { class: 'media-card' },
    h('a', { href, 'data-link': true, class: 'media-link' },
      posterPlaceholder(title, id, false, image),
      h('span', { class: 'media-overlay' }, status ? statusBadge(status) : null,
        monitored === false ? h('span', { class: 'badge ms-unmonitored' }, 'unmonitored') : null),
      h('span', { class: 'media-title verbatim' }, title),
      subtitle || note ? h('span', { class: 'media-sub' }, [subtitle, note].filter(Boolean).join(' · ')) : null));
}
