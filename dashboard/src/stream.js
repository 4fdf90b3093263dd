// The push channel: one EventSource on /api/v1/stream, reconnected with backoff (0.5 s
// doubling to 10 s), its state (connecting / live / offline, or off for a role that cannot read
// it) observable by the header. It carries the access token as ?access_token= (EventSource
// cannot send headers), the token current at each (re)connect.
import { with_token } from './session.js';
import { verify_session } from './auth.js';

const first_delay_ms = 500;
const max_delay_ms = 10000;
const kinds = ['hello', 'supervision', 'cluster', 'execution', 'transition', 'overflow'];

let source = null;
let wanted = false; // between start_stream and stop_stream
let state = 'connecting';
let delay = first_delay_ms;
let retry_timer = null;
let execution = null;
let hellos = 0;
let node_name = null; // the node the stream comes from (its hello)
const listeners = new Map(); // kind -> Set of functions(data)
const state_listeners = new Set();

function set_state(next) {
  if (next === state) return;
  state = next;
  for (const f of state_listeners) f(state);
}

function emit(kind, data) {
  for (const f of listeners.get(kind) || []) f(data);
}

function schedule_retry() {
  if (source) source.close();
  source = null;
  set_state('offline');
  clearTimeout(retry_timer);
  retry_timer = setTimeout(connect, delay);
  delay = Math.min(delay * 2, max_delay_ms);
}

function on_message(kind, ev) {
  let data = null;
  try { data = JSON.parse(ev.data); } catch { return; }
  if (kind === 'hello') {
    delay = first_delay_ms;
    node_name = data.node || null;
    set_state('live');
    data = { ...data, again: ++hellos > 1 }; // again: events may have been missed meanwhile
  }
  emit(kind, data);
  if (kind === 'overflow') schedule_retry();
}

function connect() {
  clearTimeout(retry_timer);
  if (source) source.close();
  set_state('connecting');
  const url = '/api/v1/stream' + (execution ? '?execution=' + encodeURIComponent(execution) : '');
  source = new EventSource(with_token(url));
  let opened = false;
  source.onopen = () => { opened = true; };
  for (const kind of kinds) source.addEventListener(kind, (ev) => on_message(kind, ev));
  source.onerror = () => {
    if (!opened) verify_session();  // refused (a revoked or expired token?) or unreachable
    schedule_retry();
  };
}

/** Opens the stream (when signed in, or at start on a node without authentication). */
export function start_stream() {
  if (wanted) return;
  wanted = true;
  delay = first_delay_ms;
  connect();
}

/** Closes the stream (signed out, or a role without cluster:read); next: the state shown. */
export function stop_stream(next) {
  wanted = false;
  clearTimeout(retry_timer);
  retry_timer = null;
  if (source) source.close();
  source = null;
  hellos = 0;
  set_state(next);
}

/** Adds the transitions of execution ID to the stream (null: none); reconnects. */
export function follow_execution(id) {
  if (id === execution) return;
  execution = id;
  delay = first_delay_ms;
  if (wanted) connect();
}

/** Calls f(data) for each message of kind; answers the function that removes it. */
export function on(kind, f) {
  if (!listeners.has(kind)) listeners.set(kind, new Set());
  listeners.get(kind).add(f);
  return () => listeners.get(kind).delete(f);
}

/** Calls f(state) on each change of the connection state; answers the remover. */
export function on_state(f) {
  state_listeners.add(f);
  return () => state_listeners.delete(f);
}

/** The name of the node the stream comes from (null before its first hello). */
export const stream_node = () => node_name;

/** The connection state now: 'connecting', 'live', 'offline' or 'off'. */
export const stream_state = () => state;
