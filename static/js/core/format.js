// Human-readable numbers for the status panels. Missing values render as an em dash,
// never as an invented zero.
export const NONE = '—';

export function formatBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return NONE;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  const digits = i === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[i]}`;
}

// 93784 → "1d 02:03:04"; under a day → "02:03:04".
export function formatUptime(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return NONE;
  let s = Math.floor(seconds);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const hh = Math.floor(s / 3600); s -= hh * 3600;
  const mm = Math.floor(s / 60); s -= mm * 60;
  const pad = (n) => String(n).padStart(2, '0');
  const clock = `${pad(hh)}:${pad(mm)}:${pad(s)}`;
  return d ? `${d}d\u00a0${clock}` : clock; // no-break space: keep it on one line
}

export function formatCount(n) {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : NONE;
}

export function formatClock(date = new Date()) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

// 5242880 → "5.00 MiB/s"; 0 → "0 B/s".
export function formatSpeed(bytesPerSecond) {
  const text = formatBytes(bytesPerSecond);
  return text === NONE ? NONE : `${text}/s`;
}

// 0.4213 → "42.1%"; 1 → "100%".
export function formatPercent(fraction) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return NONE;
  const pct = Math.min(100, Math.max(0, fraction * 100));
  return pct === 100 ? '100%' : `${pct.toFixed(1)}%`;
}

export function formatRatio(ratio) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0) return NONE;
  return ratio.toFixed(2);
}

// Remaining time, coarse like a download client: "45s", "7m 55s", "3h 12m", "2d 4h".
export function formatDuration(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return NONE;
  let s = Math.round(seconds);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const hh = Math.floor(s / 3600); s -= hh * 3600;
  const mm = Math.floor(s / 60); s -= mm * 60;
  if (d) return `${d}d\u00a0${hh}h`;
  if (hh) return `${hh}h\u00a0${mm}m`;
  if (mm) return `${mm}m\u00a0${s}s`;
  return `${s}s`;
}

// ISO 8601 → short local time: "14:05" today, "22 Nov 14:05" otherwise.
export function formatWhen(iso, now = new Date()) {
  const date = typeof iso === 'string' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return NONE;
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  if (date.toDateString() === now.toDateString()) return time;
  const day = date.toLocaleDateString([], { day: 'numeric', month: 'short', ...(date.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}) });
  return `${day} ${time}`;
}

// ISO 8601 → full local date and time, for tooltips.
export function formatDateTime(iso) {
  const date = typeof iso === 'string' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium', hour12: false });
}
