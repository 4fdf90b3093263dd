// Hooks shared by the views: loading API data, following the stream, throttling.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { on, on_state, stream_state } from './stream.js';
import { on_session, session_state } from './session.js';

/** Loads load(signal) when deps change; answers {data, error, loading, reload, set_data}.
 *  A reload keeps the data (and an error) on screen until the new answer; new deps clear it. */
export function use_fetch(load, deps) {
  const [st, set_st] = useState({ data: null, error: null, loading: true });
  const [tick, set_tick] = useState(0);
  const last_deps = useRef(null);
  useEffect(() => {
    const key = JSON.stringify(deps);
    const same = last_deps.current === key;
    last_deps.current = key;
    const ctl = new AbortController();
    set_st((s) => ({ data: same ? s.data : null, error: same ? s.error : null, loading: true }));
    load(ctl.signal).then(
      (data) => { if (!ctl.signal.aborted) set_st({ data, error: null, loading: false }); },
      (error) => { if (!ctl.signal.aborted) set_st((s) => ({ data: same ? s.data : null, error, loading: false })); });
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => set_tick((t) => t + 1), []);
  const set_data = useCallback((f) => set_st((s) => ({ ...s, data: f(s.data) })), []);
  return { ...st, reload, set_data };
}

/** Calls handler(data) for each stream message of kind while mounted. */
export function use_stream(kind, handler) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => on(kind, (d) => ref.current(d)), [kind]);
}

/** The stream's connection state, re-rendering on change. */
export function use_stream_state() {
  const [s, set_s] = useState(stream_state);
  useEffect(() => {
    set_s(stream_state());  // a change between the render and this effect
    return on_state(set_s);
  }, []);
  return s;
}

/** The sign-in session {mode, user, notice}, re-rendering on change. */
export function use_session() {
  const [s, set_s] = useState(session_state);
  useEffect(() => {
    set_s(session_state());  // a change between the render and this effect
    return on_session(set_s);
  }, []);
  return s;
}

/** A function that runs f at most once per ms (the last call wins, none is lost). */
export function use_throttle(f, ms) {
  const ref = useRef(f);
  ref.current = f;
  const timer = useRef(null);
  const last = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, last.current + ms - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      ref.current();
    }, wait);
  }, [ms]);
}

/** The current time in ms, updated every ms while ms is set (for ages such as "3 s ago"). */
export function use_now(ms) {
  const [now, set_now] = useState(Date.now);
  useEffect(() => {
    if (!ms) return undefined;
    const t = setInterval(() => set_now(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** use_fetch that loads again ms after each answer (or failure) while mounted: a slow node is
 *  never asked twice at once, and an error stays on screen beside the last data until the next
 *  answer. */
export function use_poll(load, deps, ms) {
  const f = use_fetch(load, deps);
  useEffect(() => {
    if (f.loading || !ms) return undefined;
    const t = setTimeout(f.reload, ms);
    return () => clearTimeout(t);
  }, [f.loading, ms]);
  return f;
}
