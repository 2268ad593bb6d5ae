// The downloads the UI knows about, kept current by the live events. Shared by the Downloads
// screen and the dashboard's summary; active only while one of them is subscribed.
//
//   subscribe(fn) → unsubscribe     fn(change) with change = {type: 'reset'} | {type: 'upsert', id}
//                                    | {type: 'remove', id} | {type: 'error', error}
//   all() → Download[] newest first; get(id); upsert(download); forget(id); refresh()
//
// The stream carries what changes often (progress, status); a full GET /api/downloads runs on
// every (re)connect, to catch what happened while disconnected, and as a slow poll meanwhile.
import { api } from '../core/api.js';
import { on, connectionState } from '../core/events.js';

const POLL_OPEN_MS = 30_000;   // the stream is up: only ratio/seeds drift, refresh rarely
const POLL_CLOSED_MS = 5_000;  // no stream (lcarsd down, reconnecting): poll instead

const items = new Map();
const subscribers = new Set();
let offs = [];
let pollTimer = null;
let refreshing = null;
let loaded = false;
let lastError = null;
const pendingFetch = new Map(); // id → timer, for debounced GET /api/downloads/:id
// Ids changed by events or API answers while a list request is in flight: that list is older
// than they are, so it must not undo them (a just-added download vanishing, a removed one back).
let touched = null;
let epoch = 0; // bumped on logout: answers to the previous session's requests are dropped

export function subscribe(fn) {
  subscribers.add(fn);
  if (subscribers.size === 1) activate();
  return () => {
    subscribers.delete(fn);
    if (subscribers.size === 0) deactivate();
  };
}

export function isLoaded() {
  return loaded;
}

export function loadError() {
  return lastError;
}

export function all() {
  return [...items.values()].sort((a, b) => b.id - a.id);
}

export function get(id) {
  return items.get(id);
}

// A Download from an API answer (add, pause, resume, retry) or from download:added.
export function upsert(download) {
  if (!download || typeof download.id !== 'number') return;
  touched?.set(download.id, 'upsert');
  items.set(download.id, { ...(items.get(download.id) || {}), ...download });
  notify({ type: 'upsert', id: download.id });
}

export function forget(id) {
  touched?.set(id, 'remove');
  if (items.delete(id)) notify({ type: 'remove', id });
}

export function refresh() {
  if (refreshing) return refreshing;
  const changed = new Map();
  const started = epoch;
  touched = changed;
  const request = api('GET', '/downloads')
    .then((list) => {
      if (started !== epoch) return;
      if (!Array.isArray(list)) throw new Error('GET /api/downloads did not answer a list');
      const kept = new Map([...changed].filter(([id, what]) => what === 'upsert' && items.has(id)).map(([id]) => [id, items.get(id)]));
      items.clear();
      for (const d of list) if (d && typeof d.id === 'number' && changed.get(d.id) !== 'remove') items.set(d.id, d);
      for (const [id, d] of kept) items.set(id, d);
      loaded = true;
      lastError = null;
      notify({ type: 'reset' });
    })
    .catch((err) => {
      if (err.status === 401 || started !== epoch) return; // 401: app.js handles it
      lastError = err;
      notify({ type: 'error', error: err });
    })
    .finally(() => {
      if (touched === changed) touched = null;
      if (refreshing !== request) return; // a logout dropped this one; a newer request owns the poll
      refreshing = null;
      schedulePoll();
    });
  refreshing = request;
  return request;
}

function activate() {
  offs = [
    on('download:added', (d) => upsert(d)),
    on('download:progress', onProgress),
    on('download:status', onStatus),
    on('download:completed', (e) => fetchOne(e.id)),
    on('download:removed', (e) => forget(e.id)),
    on('connection', (c) => {
      if (c.state === 'open') refresh();  // first open and every reconnect: resync the whole list
      else schedulePoll();
    }),
  ];
  refresh();
}

function deactivate() {
  for (const off of offs) off();
  offs = [];
  clearTimeout(pollTimer);
  pollTimer = null;
  for (const t of pendingFetch.values()) clearTimeout(t);
  pendingFetch.clear();
}

// Logout: nothing of the previous user's list may show up for the next one.
export function clearStore() {
  epoch += 1;
  touched = null;
  refreshing = null;
  items.clear();
  loaded = false;
  lastError = null;
}

function schedulePoll() {
  clearTimeout(pollTimer);
  pollTimer = null;
  if (!subscribers.size) return;
  const ms = connectionState() === 'open' ? POLL_OPEN_MS : POLL_CLOSED_MS;
  pollTimer = setTimeout(() => (document.hidden ? schedulePoll() : refresh()), ms);
}

function onProgress(e) {
  const d = items.get(e.id);
  if (!d) {
    fetchOne(e.id); // added while we were not looking
    return;
  }
  const next = { ...d };
  for (const key of ['progress', 'download_speed', 'upload_speed', 'peers', 'seeds', 'size_bytes',
                     'downloaded_bytes', 'uploaded_bytes', 'ratio', 'eta_seconds']) {
    if (typeof e[key] === 'number') next[key] = e[key];
  }
  if (typeof e.name === 'string' && e.name) next.name = e.name;   // a magnet's real name arrives with its metadata
  // An older lcarsd sends no byte counts or ETA: derive them from the size we know.
  if (typeof e.downloaded_bytes !== 'number' && typeof next.size_bytes === 'number' && next.size_bytes > 0 && typeof next.progress === 'number') {
    next.downloaded_bytes = Math.round(next.size_bytes * next.progress);
    const left = next.size_bytes - next.downloaded_bytes;
    next.eta_seconds = left <= 0 ? 0 : next.download_speed > 0 ? Math.round(left / next.download_speed) : null;
  }
  items.set(e.id, next);
  touched?.set(e.id, 'upsert');
  notify({ type: 'upsert', id: e.id });
}

function onStatus(e) {
  const d = items.get(e.id);
  if (d) {
    items.set(e.id, { ...d, status: e.status, error_message: e.error_message ?? null });
    touched?.set(e.id, 'upsert');
    notify({ type: 'upsert', id: e.id });
  }
  fetchOne(e.id); // paused_by, speeds, timestamps are not in the event
}

// Debounced: a burst of events for one download costs one GET.
function fetchOne(id) {
  if (typeof id !== 'number') return;
  clearTimeout(pendingFetch.get(id));
  const started = epoch;
  pendingFetch.set(id, setTimeout(async () => {
    pendingFetch.delete(id);
    try {
      const d = await api('GET', `/downloads/${id}`);
      if (started === epoch) upsert(d);
    } catch (err) {
      if (err.status === 404 && started === epoch) forget(id);
    }
  }, 150));
}

function notify(change) {
  for (const fn of [...subscribers]) {
    try {
      fn(change);
    } catch (err) {
      console.error(err);
    }
  }
}
