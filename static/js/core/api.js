// Fetch wrapper for the same-origin JSON API under /api.
// Every failure becomes an ApiError with the server's {"error": {code, message}} when there is one,
// so views only ever branch on `err.status` / `err.code`.
import { getToken } from './session-store.js';

export class ApiError extends Error {
  constructor(status, code, message, retryAfter = null, details = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;      // HTTP status, 0 when the server could not be reached
    this.code = code;          // e.g. invalid_credentials, rate_limited, forbidden, network
    this.retryAfter = retryAfter; // seconds, from Retry-After on 429
    this.details = details;    // error.details when the server sent some (409 duplicate: the Download)
    this.existingId = null;    // error.existing_id: a 409 for media already in the library
  }
}

// Fired on any 401 to an authenticated call: the app drops the token and shows the login form.
export const UNAUTHORIZED_EVENT = 'lcars:unauthorized';

/**
 * api('GET', '/system/status') → parsed JSON body.
 * Options: body (JSON-encoded), signal (AbortController), auth (default true),
 * quiet401 (do not broadcast a 401, e.g. for logout or the login call itself).
 */
export async function api(method, path, { body, signal, auth = true, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let res;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Cannot reach the LCARS server');
  }

  const data = await readJson(res);
  if (res.ok) return data;

  const e = (data && typeof data.error === 'object' && data.error) || {};
  const error = new ApiError(
    res.status,
    typeof e.code === 'string' ? e.code : `http_${res.status}`,
    typeof e.message === 'string' && e.message ? e.message : `${res.status} ${res.statusText || 'error'}`.trim(),
    parseRetryAfter(res.headers.get('Retry-After')),
    e.details ?? null,
  );
  if (typeof e.existing_id === 'number') error.existingId = e.existing_id;
  if (res.status === 401 && token && !quiet401) {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: error }));
  }
  throw error;
}

// A proxy error page (nginx 502 HTML) or an empty body must not crash the caller.
async function readJson(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Retry-After is either delta-seconds or an HTTP date.
function parseRetryAfter(value) {
  if (!value) return null;
  const secs = Number(value.trim());
  if (Number.isFinite(secs)) return Math.max(0, Math.ceil(secs));
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - Date.now()) / 1000));
}
