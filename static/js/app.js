// Entry point: wires the router, the frame and the session together.
import { configure, start, navigate } from './router.js';
import { initFrame, setFrame } from './frame.js';
import { isLoggedIn, clearToken } from './auth.js';
import { UNAUTHORIZED_EVENT } from './api.js';
import { h } from './dom.js';
import { loginView, setLoginNotice } from './views/login.js';
import { dashboardView } from './views/dashboard.js';
import { downloadsView } from './views/downloads.js';
import { startEvents, stopEvents } from './events.js';
import { clearStore } from './downloads-store.js';

// Later sections (movies, tv, ...) get their own view modules; until then they are not routes.
const notFoundView = {
  title: 'Not found',
  mount(container, ctx) {
    container.append(h('section', { class: 'panel c-accent-red', 'aria-labelledby': 'nf-heading' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'nf-heading' }, 'No such section')),
      h('div', { class: 'panel-body' },
        h('p', { class: 'verbatim' }, ctx.path),
        h('button', { type: 'button', class: 'pill c-orange', onclick: () => navigate('/dashboard') }, 'Dashboard'))));
  },
};

configure({
  outlet: document.getElementById('view'),
  routes: { '/login': loginView, '/dashboard': dashboardView, '/downloads': downloadsView },
  notFound: notFoundView,
  // Only the login page is public; a stored token is trusted until the server says 401.
  guard(path) {
    if (path === '/') return isLoggedIn() ? '/dashboard' : '/login';
    if (path === '/login') return isLoggedIn() ? '/dashboard' : null;
    return isLoggedIn() ? null : '/login';
  },
  onEnter(view) {
    setFrame({ title: view.title, nav: view.nav || null, anon: Boolean(view.anon) });
    // One live event stream for the whole logged-in session, whatever the page.
    if (view.anon || !isLoggedIn()) stopEvents();
    else startEvents();
  },
});

// Any authenticated call answered 401 (token revoked, expired, unknown): forget it, log in again.
window.addEventListener(UNAUTHORIZED_EVENT, () => {
  if (!isLoggedIn()) return; // already handled by an earlier 401 in the same burst
  stopEvents();
  clearStore();
  clearToken();
  setLoginNotice('Session ended. Please log in again.');
  navigate('/login', { replace: true });
});

initFrame();
start();
