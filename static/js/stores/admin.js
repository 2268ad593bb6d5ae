// Admin resources for the settings page: users, indexers, scheduled jobs, storage, blocklist, status, activity.
import { api } from '../core/api.js';

export const users = {
  list: () => api('GET', '/users'),
  add: (body) => api('POST', '/users', { body }),
  update: (id, body) => api('PUT', `/users/${id}`, { body }),
  remove: (id) => api('DELETE', `/users/${id}`),
};

export const indexers = {
  list: () => api('GET', '/indexers'),
  add: (body) => api('POST', '/indexers', { body }),
  update: (id, body) => api('PUT', `/indexers/${id}`, { body }),
  remove: (id) => api('DELETE', `/indexers/${id}`),
  test: (id) => api('POST', `/indexers/${id}/test`),
};

export const jobs = {
  list: () => api('GET', '/system/jobs'),
  run: (name) => api('POST', `/system/jobs/${encodeURIComponent(name)}/run`),
};

export const blocklist = {
  list: () => api('GET', '/blocklist'),
  remove: (id) => api('DELETE', `/blocklist/${id}`),
};

export const storage = {
  mounts: () => api('GET', '/storage/mounts'),
  test: (name) => api('POST', `/storage/mounts/${encodeURIComponent(name)}/test`),
};

export const system = {
  status: () => api('GET', '/system/status'),
  activity: (params) => api('GET', `/system/activity?${params || ''}`),
};
