// The live tail of events: the latest stored events that pass the filters (the list, followed
// page by page), then GET /api/v1/events/stream resumed after the last one seen (`after=ID`), so
// a reconnect or a resume after a pause neither misses nor doubles an event. The stream carries
// the access token as ?access_token= (EventSource cannot send headers).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import { with_token } from './session.js';
import { verify_session } from './auth.js';

const keep = 200;            // events held on screen
const max_pages = 20;        // list pages (of 1000) read to find the latest events
const first_delay_ms = 500;
const max_delay_ms = 10000;

/** The API's query of the filters {type, source, correlationId, where} (empty ones left out). */
export function filter_query(filters) {
  const q = new URLSearchParams();
  for (const k of ['type', 'source', 'correlationId', 'where']) {
    const v = (filters[k] || '').trim();
    if (v) q.set(k, v);
  }
  return q;
}

/** The latest `keep` events passing filters, newest first (follows nextCursor, bounded). */
export async function latest_events(filters, signal) {
  const params = Object.fromEntries(filter_query(filters));
  let items = [];
  let cursor;
  for (let i = 0; i < max_pages; i++) {
    const page = await api.events({ ...params, limit: 1000, cursor }, signal);
    items = items.concat(page.items).slice(-keep);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items.reverse();
}

/** {events (newest first), error, loading, state: 'loading'|'live'|'connecting'|'paused'|'offline'|'error'}. */
export function use_event_tail(filters, paused) {
  const fkey = JSON.stringify(filters);
  const [st, set_st] = useState({ events: [], error: null, loading: true, state: 'loading' });
  const last_id = useRef(null);
  const seen = useRef(new Set());
  const loaded = useRef(false);
  // The list: once per filter set.
  useEffect(() => {
    const ctl = new AbortController();
    loaded.current = false;
    last_id.current = null;
    seen.current = new Set();
    set_st({ events: [], error: null, loading: true, state: 'loading' });
    latest_events(filters, ctl.signal).then((events) => {
      if (ctl.signal.aborted) return;
      for (const e of events) seen.current.add(e.id);
      last_id.current = events.length ? events[0].id : null;
      loaded.current = true;
      set_st({ events, error: null, loading: false, state: 'connecting' });
    }, (error) => {
      if (!ctl.signal.aborted) set_st({ events: [], error, loading: false, state: 'error' });
    });
    return () => ctl.abort();
  }, [fkey]);
  // The stream: while the list is loaded and the tail is not paused.
  useEffect(() => {
    if (st.loading || st.error) return undefined;
    if (paused) { set_st((s) => ({ ...s, state: 'paused' })); return undefined; }
    let source = null;
    let timer = null;
    let delay = first_delay_ms;
    let closed = false;
    // Without a resume point the stream starts at its opening: list again once it is open, so
    // events stored before (since the list, or while paused) are not missed.
    const relist = () => latest_events(filters).then((listed) => {
      if (closed) return;
      const fresh = listed.filter((e) => !seen.current.has(e.id));
      for (const e of fresh) seen.current.add(e.id);
      if (!last_id.current && listed.length) last_id.current = listed[0].id;
      if (fresh.length) set_st((s) => ({ ...s, events: [...s.events, ...fresh].slice(0, keep) }));
    }, () => { /* the stream still runs; the next reconnect lists again */ });
    const connect = () => {
      const q = filter_query(filters);
      if (last_id.current) q.set('after', last_id.current);
      set_st((s) => ({ ...s, state: 'connecting' }));
      source = new EventSource(with_token('/api/v1/events/stream?' + q.toString()));
      let opened = false;
      source.onopen = () => {
        opened = true;
        delay = first_delay_ms;
        set_st((s) => ({ ...s, state: 'live' }));
        if (!last_id.current) relist();
      };
      source.addEventListener('event', (m) => {
        let ev;
        try { ev = JSON.parse(m.data); } catch { return; }
        last_id.current = ev.id;
        if (seen.current.has(ev.id)) return;
        seen.current.add(ev.id);
        if (seen.current.size > 20 * keep) seen.current = new Set([...seen.current].slice(-keep));
        set_st((s) => ({ ...s, state: 'live', events: [ev, ...s.events].slice(0, keep) }));
      });
      const retry = () => {
        if (closed) return;
        if (source) source.close();
        source = null;
        set_st((s) => ({ ...s, state: 'offline' }));
        if (!opened) verify_session();  // refused (a revoked or expired token?) or unreachable
        clearTimeout(timer);
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, max_delay_ms);
      };
      // Our own reconnect (with after=the last id seen) replaces the browser's.
      source.addEventListener('overflow', retry);
      source.addEventListener('error', retry); // a network error, or the stream's own `event: error`
    };
    connect();
    return () => { closed = true; clearTimeout(timer); if (source) source.close(); };
  }, [fkey, paused, st.loading, st.error]);
  return st;
}
