// A definition list of label → value, <dt>/<dd> directly in the <dl> (what screen readers and
// axe expect). Rows without a value are left out. A row may carry attributes for its <dd>.
import { h } from '../core/dom.js';

/** facts([[label, value, ddAttrs?]…], {inline}) */
export function facts(rows, { inline = false } = {}) {
  return h('dl', { class: `facts${inline ? ' facts--inline' : ''}` },
    rows.filter(([, v]) => v !== undefined && v !== null && v !== '')
      .flatMap(([k, v, attrs]) => [h('dt', {}, k), h('dd', attrs || {}, v instanceof Node ? v : String(v))]));
}

/** The rows for what ffprobe read from a placed file (`media_info`): video, audio, duration. */
export function mediaInfoFacts(info) {
  if (!info) return [];
  const size = info.width && info.height ? `${info.width}×${info.height}` : '';
  const minutes = Math.floor(info.duration_seconds / 60);
  const seconds = String(info.duration_seconds % 60).padStart(2, '0');
  return [['Video', [size, info.video_codec].filter(Boolean).join(' ')], ['Audio', info.audio_codec],
    ['Duration', `${minutes}:${seconds}`], ['Container', info.container]];
}
