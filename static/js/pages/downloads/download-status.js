// How a download's status and an API error read to the user: shared by the Downloads screen
// (downloads.js, download-add.js, download-files.js) and the dashboard.
export const STATUSES = ['queued', 'downloading', 'seeding', 'processing', 'completed', 'failed', 'paused'];

export function statusLabel(d) {
  if (d.status === 'paused' && d.paused_by === 'vpn') return 'Paused · VPN';
  return d.status || 'unknown';
}

export function statusClass(d) {
  const s = STATUSES.includes(d.status) ? d.status : 'unknown';
  return d.status === 'paused' && d.paused_by === 'vpn' ? 'st-paused-vpn' : `st-${s}`;
}

// An API error as [headline, detail] for the user: the server's own reason stays verbatim.
export function describeError(err, what = 'Request') {
  const msg = err && err.message ? err.message : '';
  if (!err || err.status === 0) return ['Cannot reach the LCARS server', 'Check the connection and try again.'];
  switch (err.code) {
    case 'invalid_magnet': return ['Invalid magnet link', msg];
    case 'invalid_torrent': return ['Invalid .torrent file', msg];
    case 'invalid_argument': return ['Not accepted', msg];
    case 'duplicate': {
      const d = err.details;
      return ['Already in downloads', d && d.name ? `${d.name} (${statusLabel(d)})` : msg];
    }
    case 'daemon_unavailable': return ['Download engine offline', `lcarsd is not answering, so downloads cannot change right now. ${msg}`];
    case 'payload_too_large': return ['File too large', 'The server refused the upload as too large.'];
    case 'forbidden': return ['Admins only', msg];
    case 'not_found': return ['No longer exists', msg];
    case 'conflict': return [`${what} not possible now`, msg];
    default:
      if (err.status === 503) return ['Service unavailable', msg];
      if (err.status === 413) return ['File too large', 'The server refused the upload as too large.'];
      return [`${what} failed`, msg || `HTTP ${err.status}`];
  }
}
