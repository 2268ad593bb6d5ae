// Who is logged in (GET /api/auth/me), asked once per session; pages use it for role checks.
import { api } from '../core/api.js';

let current = null;

export function currentUser() {
  if (!current) current = api('GET', '/auth/me').catch((err) => { current = null; throw err; });
  return current;
}

export function forgetUser() {
  current = null;
}
