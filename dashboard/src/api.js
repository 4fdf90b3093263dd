// The REST client: one function per endpoint the dashboard reads or calls, each sending the
// session's access token.
import { bearer, renew, renew_if_due } from './session.js';
import { can, read_permission, role } from './permissions.js';

const base = '/api/v1';

/** An error answered by the API ({error: {code, message, details}}) or the network. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || [];
  }
}

async function parse_error(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  const e = body && body.error;
  if (e) return new ApiError(res.status, e.code, e.message, e.details);
  return new ApiError(res.status, 'http_' + res.status, `${res.status} ${res.statusText}`.trim());
}

function send(method, path, body, signal) {
  const init = { method, signal, headers: { Accept: 'application/json' } };
  if (bearer()) init.headers.Authorization = 'Bearer ' + bearer();
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(base + path, init);
}

/** The calls that must not renew the token on a 401 (a wrong password is no expired session). */
const token_calls = ['/auth/token', '/auth/revoke'];

/** Sends one request and answers the parsed JSON body (null for 204). A read the role cannot
 *  make is refused here (code not_permitted, shown as a note); a 401 renews the token once. */
export async function request(method, path, body, signal) {
  const needs = method === 'GET' && read_permission(path);
  if (needs && !can(needs))
    throw new ApiError(403, 'not_permitted', `your role (${role()}) lacks ${needs}`);
  const renewable = !token_calls.includes(path);
  let res;
  try {
    if (renewable) await renew_if_due();
    res = await send(method, path, body, signal);
    if (res.status === 401 && renewable && (await renew())) res = await send(method, path, body, signal);
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The node could not be reached: ' + err.message);
  }
  if (!res.ok) throw await parse_error(res);
  return res.status === 204 ? null : res.json();
}

/** Builds a query string from the set (non-empty) values of params. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

const get = (path, signal) => request('GET', path, undefined, signal);
const id = encodeURIComponent;

/** The endpoints, each answering a promise of the API's JSON. */
export const api = {
  /** Who the token is for: {authEnabled, authenticated, id, username, role, permissions}. */
  me: (s) => get('/auth/me', s),
  /** Signs in: {accessToken, expiresIn, refreshToken, user}. */
  signIn: (username, password) => request('POST', '/auth/token', { username, password }),
  /** Revokes token (a refresh token), or without one the access token this call sends. */
  revoke: (token) => request('POST', '/auth/revoke', token ? { token } : undefined),
  cluster: (s) => get('/cluster', s),
  shards: (s) => get('/cluster/shards', s),
  supervision: (s) => get('/supervision', s),
  metrics: (params, s) => get('/executions/metrics' + query(params), s),
  workflows: (params, s) => get('/workflows' + query(params), s),
  workflow: (wid, s) => get(`/workflows/${id(wid)}`, s),
  revisions: (wid, params, s) => get(`/workflows/${id(wid)}/revisions` + query(params), s),
  revision: (wid, n, s) => get(`/workflows/${id(wid)}/revisions/${n}`, s),
  workflowMetrics: (wid, s) => get(`/workflows/${id(wid)}/metrics`, s),
  start: (wid, input) => request('POST', `/workflows/${id(wid)}/executions`, { input }),
  executions: (params, s) => get('/executions' + query(params), s),
  execution: (eid, s) => get(`/executions/${id(eid)}`, s),
  history: (eid, params, s) => get(`/executions/${id(eid)}/history` + query(params), s),
  logs: (eid, params, s) => get(`/executions/${id(eid)}/logs` + query(params), s),
  /** Events in storing order: {items, nextCursor}; params: type (a,b), source, correlationId, where, limit, cursor. */
  events: (params, s) => get('/events' + query(params), s),
  event: (vid, s) => get(`/events/${id(vid)}`, s),
  correlation: (cid, s) => get(`/events/correlations/${id(cid)}`, s),
  patterns: (params, s) => get('/event-patterns' + query(params), s),
  pattern: (pid, s) => get(`/event-patterns/${id(pid)}`, s),
  control: (eid, verb) => request('POST', `/executions/${id(eid)}/${verb}`),
  /** Task definitions: {items, nextCursor}; params: type, tag, limit, cursor. */
  tasks: (params, s) => get('/tasks' + query(params), s),
  /** A task's schedule with its nextFireTimes (404 when it has none). */
  taskSchedule: (tid, s) => get(`/tasks/${id(tid)}/schedule`, s),
  taskMetrics: (tid, s) => get(`/tasks/${id(tid)}/metrics`, s),
  /** The pool: capacity, inUse, workers, running and per queue its depth and use. */
  taskQueues: (s) => get('/task-queues', s),
  /** Task runs: {items, nextCursor}; params: taskId, status, order, limit, cursor. */
  taskRuns: (params, s) => get('/task-executions' + query(params), s),
  taskRun: (rid, s) => get(`/task-executions/${id(rid)}`, s),
  /** A run's log lines {seq, at, stream, line}: {items, nextCursor}; cursor: the last seq seen. */
  taskRunLogs: (rid, params, s) => get(`/task-executions/${id(rid)}/logs` + query(params), s),
  startTask: (tid, input) => request('POST', `/tasks/${id(tid)}/executions`, { input }),
  /** verb: cancel or retry; answers the run (retry: the new run). */
  taskRunControl: (rid, verb) => request('POST', `/task-executions/${id(rid)}/${verb}`),
  /** The node that runs execution eid (its AuraOS-Node header), or null when unknown. */
  executionOwner: async (eid, s) => {
    if (!can('workflow:read')) return null;
    try {
      const headers = bearer() ? { Authorization: 'Bearer ' + bearer() } : {};
      const res = await fetch(base + `/executions/${id(eid)}`, { method: 'HEAD', headers, signal: s });
      return res.ok ? res.headers.get('AuraOS-Node') : null;
    } catch {
      return null;
    }
  },
};
