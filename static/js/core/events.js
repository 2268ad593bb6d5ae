// Live events from lcarsd (Server-Sent Events through nginx), one stream per logged-in tab.
//
// An EventSource cannot send the bearer token, and the token must not appear in a URL, so every
// connection starts with POST /api/events/ticket (a one-use ticket, valid 60 s). That also means
// the browser's own auto-reconnect is useless (it would retry the spent ticket): on any error we
// close the stream ourselves, fetch a NEW ticket and reconnect with exponential backoff.
//
//   on('download:progress', fn) → off()    server events, fn(data)
//   on('connection', fn) → off()           fn({state, reconnect}) — connecting | open | retrying | closed
//   startEvents() / stopEvents()           app.js: on entering a logged-in view / on logout
import { api } from './api.js';

const SERVER_EVENTS = [
  'download:added', 'download:progress', 'download:status',
  'download:completed', 'download:removed', 'system:status',
  'job:started', 'job:progress', 'job:finished', 'media:updated',
];
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

const listeners = new Map(); // name → Set<fn>
let running = false;
let source = null;
let retryTimer = null;
let attempt = 0;          // failed connections in a row (backoff exponent)
let generation = 0;       // bumped by every connect/stop: late callbacks of an old attempt are ignored
let state = 'closed';
let opened = false;       // has a stream been open since startEvents()? (a later open is a reconnect)
let lastSystem = null;    // last system:status, for views that mount after it arrived

export function on(name, fn) {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name).add(fn);
  return () => listeners.get(name)?.delete(fn);
}

export function connectionState() {
  return state;
}

export function lastSystemStatus() {
  return lastSystem;
}

export function startEvents() {
  if (running) return;
  running = true;
  attempt = 0;
  opened = false;
  window.addEventListener('online', onOnline);
  connect();
}

export function stopEvents() {
  if (!running && !source) return;
  running = false;
  generation += 1;
  clearTimeout(retryTimer);
  retryTimer = null;
  if (source) source.close();
  source = null;
  lastSystem = null;
  opened = false;
  window.removeEventListener('online', onOnline);
  setState('closed');
}

async function connect() {
  const gen = ++generation;
  setState(attempt ? 'retrying' : 'connecting');
  let ticket;
  try {
    ticket = await api('POST', '/events/ticket');
  } catch (err) {
    if (gen !== generation || !running) return;
    if (err.status === 401) {
      stopEvents(); // the session is gone; app.js shows the login form
      return;
    }
    scheduleRetry(gen);
    return;
  }
  if (gen !== generation || !running) return;

  const url = ticketUrl(ticket);
  if (!url) {
    scheduleRetry(gen);
    return;
  }
  const es = new EventSource(url);
  source = es;
  let greeted = false;

  es.addEventListener('open', () => {
    if (source !== es) return;
    const reconnect = opened;
    opened = true;
    setState('open', { reconnect });
  });
  es.addEventListener('error', () => {
    if (source !== es) return;
    // Never let EventSource retry by itself: its ticket is spent.
    es.close();
    source = null;
    if (!running) return;
    setState('retrying');
    scheduleRetry(gen);
  });
  for (const name of SERVER_EVENTS) {
    es.addEventListener(name, (ev) => {
      if (source !== es) return;
      let data;
      try {
        data = JSON.parse(ev.data);
      } catch {
        return; // a malformed frame must not break the stream
      }
      if (!greeted) {
        greeted = true;
        attempt = 0; // the server really talks to us: the next failure starts the backoff afresh
      }
      if (name === 'system:status') lastSystem = data;
      emit(name, data);
    });
  }
}

// Only same-origin /api/events URLs are followed (connect-src 'self' would refuse others anyway).
function ticketUrl(ticket) {
  if (ticket && typeof ticket.url === 'string' && ticket.url.startsWith('/api/events?')) return ticket.url;
  if (ticket && typeof ticket.ticket === 'string' && ticket.ticket) return `/api/events?ticket=${encodeURIComponent(ticket.ticket)}`;
  return null;
}

function scheduleRetry(gen) {
  clearTimeout(retryTimer);
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  attempt += 1;
  const delay = base * (0.8 + Math.random() * 0.4); // jitter: many tabs must not reconnect in lockstep
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (running && gen === generation) connect();
  }, delay);
}

// Back online: do not sit out the rest of a long backoff.
function onOnline() {
  if (running && retryTimer) {
    clearTimeout(retryTimer);
    retryTimer = null;
    attempt = 0;
    connect();
  }
}

function setState(next, extra = {}) {
  state = next;
  emit('connection', { state: next, reconnect: false, ...extra });
}

function emit(name, data) {
  for (const fn of [...(listeners.get(name) || [])]) {
    try {
      fn(data);
    } catch (err) {
      console.error(err);
    }
  }
}
