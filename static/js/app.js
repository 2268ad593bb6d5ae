// Entry point: wires the router, the frame and the session together.
import { configure, start, navigate } from './core/router.js';
import { initFrame, setFrame } from './components/lcars-frame.js';
import { isLoggedIn, clearToken } from './core/auth.js';
import { UNAUTHORIZED_EVENT } from './core/api.js';
import { h } from './core/dom.js';
import { loginView, setLoginNotice } from './pages/login/login.js';
import { dashboardView } from './pages/dashboard/dashboard.js';
import { downloadsView } from './pages/downloads/downloads.js';
import { startEvents, stopEvents } from './core/events.js';
import { moviesView } from './pages/movies/movies.js';
import { movieDetailView } from './pages/movies/movie-detail.js';
import { showsView } from './pages/tv/shows.js';
import { showDetailView } from './pages/tv/show-detail.js';
import { artistsView } from './pages/music/artists.js';
import { artistDetailView } from './pages/music/artist-detail.js';
import { albumDetailView } from './pages/music/album-detail.js';
import { settingsView } from './pages/settings/settings.js';
import { rememberReturn } from './pages/login/login.js';
import { forgetUser } from './stores/session.js';
import { clearStore } from './stores/downloads-store.js';

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
  routes: {
    '/login': loginView,
    '/dashboard': dashboardView,
    '/downloads': downloadsView,
    '/movies': moviesView,
    '/movies/:id': movieDetailView,
    '/tv': showsView,
    '/tv/:id': showDetailView,
    '/music': artistsView,
    '/music/artists/:id': artistDetailView,
    '/music/albums/:id': albumDetailView,
    '/settings': settingsView,
  },
  notFound: notFoundView,
  // Only the login page is public; a stored token is trusted until the server says 401.
  guard(path) {
    if (path === '/') return isLoggedIn() ? '/dashboard' : '/login';
    if (path === '/login') return isLoggedIn() ? '/dashboard' : null;
    if (isLoggedIn()) return null;
    rememberReturn(path); // a deep link while logged out: back here after the login
    return '/login';
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
  forgetUser();
  rememberReturn(location.pathname); // back to this page after logging in again
  clearToken();
  setLoginNotice('Session ended. Please log in again.');
  navigate('/login', { replace: true });
});

initFrame();
start();
