// The push channel: one EventSource on /api/v1/stream, reconnected with backoff (0.5 s
// doubling to 10 s), its state (connecting / live / offline) observable by the header.
const first_delay_ms = 500;
const max_delay_ms = 10000;
const kinds = ['hello', 'supervision', 'cluster', 'execution', 'transition', 'overflow'];

let source = null;
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
  source = new EventSource(url);
  for (const kind of kinds) source.addEventListener(kind, (ev) => on_message(kind, ev));
  source.onerror = () => schedule_retry();
}

/** Opens the stream (once, at start). */
export function start_stream() {
  if (!source && !retry_timer) connect();
}

/** Adds the transitions of execution ID to the stream (null: none); reconnects. */
export function follow_execution(id) {
  if (id === execution) return;
  execution = id;
  delay = first_delay_ms;
  connect();
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

/** The connection state now: 'connecting', 'live' or 'offline'. */
export const stream_state = () => state;
