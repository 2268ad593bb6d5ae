// Session actions: log in, log out, ask who we are. Token persistence is in session-store.js.
import { api } from './api.js';
import { getToken, setToken, clearToken } from './session-store.js';
import { stopEvents } from './events.js';
import { clearStore } from '../stores/downloads-store.js';
import { forgetUser } from '../stores/session.js';

export function isLoggedIn() {
  return Boolean(getToken());
}

export async function login(username, password) {
  // auth:false — a stale token must not ride along with a fresh login.
  const data = await api('POST', '/auth/login', { body: { username, password }, auth: false, quiet401: true });
  if (!data || typeof data.token !== 'string' || !data.token) {
    throw new Error('Login response carried no token');
  }
  forgetUser();
  setToken(data.token);
  return data.user;
}

// Always forget the token locally, even when the server call fails: the user asked to leave.
export async function logout() {
  // Close the live stream first: it must not outlive the session it was opened for.
  stopEvents();
  clearStore();
  forgetUser();
  try {
    if (getToken()) await api('POST', '/auth/logout', { quiet401: true });
  } catch {
    /* already invalid or server unreachable — the local token is gone either way */
  } finally {
    clearToken();
  }
}

export function me(signal) {
  return api('GET', '/auth/me', { signal });
}

export { clearToken };
