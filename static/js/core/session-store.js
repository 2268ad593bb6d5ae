// Where the bearer token lives. localStorage so a session survives a reload and new tabs;
// the server still decides whether it is valid (GET /api/auth/me).
const KEY = 'lcars.token';

export function getToken() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (privacy mode): behave as logged out
  }
}

export function setToken(token) {
  try {
    localStorage.setItem(KEY, token);
  } catch {
    /* ignore: the user will simply have to log in again after a reload */
  }
}

export function clearToken() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}
