// Tiny History-API router. nginx answers every non-/api path with index.html, so deep links
// like /dashboard land here and we pick the view from location.pathname.
//
// A view is { title, nav, anon, mount(container, ctx) → cleanup? }; ctx.params holds the
// `:name` parts of a pattern route such as '/movies/:id'.
// Only one view is mounted at a time; its cleanup (timers, aborts) runs before the next mounts.

let table = {};
let outlet = null;
let guard = () => null;
let notFound = null;
let onEnter = () => {};
let cleanup = null;
let rendering = 0; // guards against a slow mount finishing after a newer navigation

export function configure(opts) {
  table = opts.routes;
  outlet = opts.outlet;
  notFound = opts.notFound;
  if (opts.guard) guard = opts.guard;
  if (opts.onEnter) onEnter = opts.onEnter;
}

export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname && !replace) return render();
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  return render({ moved: true });
}

export function start() {
  window.addEventListener('popstate', () => render({ moved: true }));
  // Same-origin <a data-link> clicks become client-side navigations.
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-link]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    navigate(new URL(a.href).pathname);
  });
  return render();
}

async function render({ moved = false } = {}) {
  const path = normalise(location.pathname);
  const redirect = guard(path);
  if (redirect && redirect !== path) {
    history.replaceState(null, '', redirect);
    return render({ moved });
  }

  const { view, params } = match(path);
  const token = ++rendering;
  if (cleanup) {
    try { cleanup(); } catch (err) { console.error(err); }
    cleanup = null;
  }
  outlet.replaceChildren();
  onEnter(view, path);
  const result = await view.mount(outlet, { path, params, navigate });
  if (token !== rendering) {
    if (typeof result === 'function') result(); // a newer view already took over
    return;
  }
  cleanup = typeof result === 'function' ? result : null;
  // Move focus into the new page for keyboard/screen-reader users, unless the view focused something.
  if (moved && !outlet.contains(document.activeElement)) outlet.focus({ preventScroll: true });
}

// Exact paths first, then patterns: '/movies/:id' matches '/movies/7' with params {id: '7'}.
function match(path) {
  if (table[path]) return { view: table[path], params: {} };
  const parts = path.split('/');
  for (const [pattern, view] of Object.entries(table)) {
    const want = pattern.split('/');
    if (!pattern.includes(':') || want.length !== parts.length) continue;
    const params = {};
    const ok = want.every((seg, i) => {
      if (!seg.startsWith(':')) return seg === parts[i];
      if (!/^[1-9][0-9]{0,17}$/.test(parts[i])) return false; // ids only: anything else is "not found"
      params[seg.slice(1)] = parts[i];
      return true;
    });
    if (ok) return { view, params };
  }
  return { view: notFound, params: {} };
}

function normalise(path) {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
