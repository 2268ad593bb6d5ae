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
