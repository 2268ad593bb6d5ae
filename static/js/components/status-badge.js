// Status of a media item (missing, downloading, available …) as a coloured chip; text, not just colour.
import { h } from '../core/dom.js';

export function statusBadge(status, extra = {}) {
  const s = String(status || 'unknown');
  return h('span', { class: `badge ms-${s.replace(/[^a-z]/g, '')}`, ...extra }, s);
}

export function monitoredBadge(monitored) {
  return h('span', { class: `badge ${monitored ? 'ms-monitored' : 'ms-unmonitored'}` }, monitored ? 'monitored' : 'unmonitored');
}
