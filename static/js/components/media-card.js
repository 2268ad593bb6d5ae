// MediaCard: a poster card with its status on top, linking to the item's page. Posters are not
// shown yet: the browser may load images only from our origin (CSP img-src 'self') and LCARS does
// not serve TMDB/Cover Art Archive images itself yet, so every card has the LCARS placeholder.
import { h } from '../core/dom.js';
import { statusBadge } from './status-badge.js';

const ACCENTS = ['orange', 'peach', 'lavender', 'purple', 'blue', 'tan'];

export function posterPlaceholder(title, seed = 0, big = false) {
  const initials = String(title || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]).join('');
  return h('div', { class: `poster c-${ACCENTS[seed % ACCENTS.length]}${big ? ' poster--big' : ''}`, 'aria-hidden': 'true' },
    h('span', { class: 'poster-initials' }, initials || '?'));
}

/** mediaCard({href, title, subtitle, status, monitored, id}) */
export function mediaCard({ href, title, subtitle = '', status = null, monitored = null, id = 0, note = '' }) {
  return h('li', { class: 'media-card' },
    h('a', { href, 'data-link': true, class: 'media-link' },
      posterPlaceholder(title, id),
      h('span', { class: 'media-overlay' }, status ? statusBadge(status) : null,
        monitored === false ? h('span', { class: 'badge ms-unmonitored' }, 'unmonitored') : null),
      h('span', { class: 'media-title verbatim' }, title),
      subtitle || note ? h('span', { class: 'media-sub' }, [subtitle, note].filter(Boolean).join(' · ')) : null));
}
