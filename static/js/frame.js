// The static LCARS frame in index.html: page title, sidebar state, logged-in/out look.
import { navigate } from './router.js';

const SITE = 'LCARS';

export function initFrame() {
  // Sidebar buttons: enabled ones navigate; aria-disabled ones stay focusable (for the
  // "coming" tooltip) but do nothing.
  document.querySelector('.nav-list').addEventListener('click', (ev) => {
    const btn = ev.target.closest('button.nav-pill');
    if (!btn || btn.getAttribute('aria-disabled') === 'true') return;
    navigate(btn.dataset.route);
  });
}

export function setFrame({ title, nav = null, anon = false }) {
  document.title = title ? `${SITE} · ${title}` : SITE;
  document.getElementById('page-title').textContent = title || SITE;
  document.body.classList.toggle('is-anon', anon);
  for (const btn of document.querySelectorAll('.nav-pill[data-route]')) {
    if (btn.dataset.route === nav) btn.setAttribute('aria-current', 'page');
    else btn.removeAttribute('aria-current');
  }
}
