// Tiny History-API router. nginx answers every non-/api path with index.html, so deep links
// like /dashboard land here and we pick the view from location.pathname.
//
// A view is { title, nav, anon, mount(container, ctx) → cleanup? }.
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

  const view = table[path] || notFound;
  const token = ++rendering;
  if (cleanup) {
    try { cleanup(); } catch (err) { console.error(err); }
    cleanup = null;
  }
  outlet.replaceChildren();
  onEnter(view, path);
  const result = await view.mount(outlet, { path, navigate });
  if (token !== rendering) {
    if (typeof result === 'function') result(); // a newer view already took over
    return;
  }
  cleanup = typeof result === 'function' ? result : null;
  // Move focus into the new page for keyboard/screen-reader users, unless the view focused something.
  if (moved && !outlet.contains(document.activeElement)) outlet.focus({ preventScroll: true });
}

function normalise(path) {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
