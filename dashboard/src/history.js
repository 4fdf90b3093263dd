// Plain functions over an execution's history items ({seq, timestamp, kind, nodeId, attempt,
// data}): their times, one-line summaries, and the per-node spans of the timeline.
import { duration } from './format.js';

/** The item's time in ms since the epoch. */
export function at(item) {
  if (item.timestamp) return Date.parse(item.timestamp);
  return item.atMs ?? item.data?.atMs ?? 0;
}

function err(e) {
  return e ? `${e.type}: ${e.message}` : '';
}

/** What an item says, in one line. */
export function summary(item) {
  const d = item.data || {};
  switch (item.kind) {
    case 'attempt_failed': case 'node_failed': case 'execution_failed': case 'execution_timed_out':
      return err(d.error);
    case 'retry_scheduled': return `waits ${duration(d.delayMs)} before attempt ${item.attempt}`;
    case 'timer_set': return `${d.timerId} (${String(d.purpose || '').replace('TIMER_', '').toLowerCase()}) due ${d.deadlineMs ? new Date(d.deadlineMs).toISOString() : '?'}`;
    case 'timer_fired': case 'timer_cancelled': return d.timerId || '';
    case 'attempt_interrupted': return d.reason || '';
    case 'attempt_started': return d.idempotencyKey ? 'key ' + d.idempotencyKey : '';
    case 'connection_decided': return `connection ${d.index} ${d.taken ? 'taken' : 'not taken'}`;
    case 'execution_cancelled': return d.reason || '';
    default: return '';
  }
}

const hidden_timers = ['TIMER_RETRY', 'TIMER_ATTEMPT_TIMEOUT', 'TIMER_EXECUTION_TIMEOUT'];

/** Per node, in order of appearance: {node, spans: [{kind, from, to, open, label}]}. */
export function lanes(items, now) {
  const rows = new Map();
  const row = (n) => { if (!rows.has(n)) rows.set(n, []); return rows.get(n); };
  const open = new Map(); // key -> span still running
  for (const it of items) {
    if (!it.nodeId) continue;
    const t = at(it);
    const d = it.data || {};
    const k = `${it.nodeId}/${it.attempt}`;
    if (it.kind === 'node_scheduled') row(it.nodeId);
    if (it.kind === 'attempt_started') {
      const s = { kind: 'attempt', from: t, to: null, label: `attempt ${it.attempt}` };
      row(it.nodeId).push(s); open.set('a' + k, s);
    } else if (['attempt_completed', 'attempt_failed', 'attempt_interrupted'].includes(it.kind)) {
      const s = open.get('a' + k);
      if (s) { s.to = t; s.outcome = it.kind.slice(8); open.delete('a' + k); }
    } else if (it.kind === 'retry_scheduled') {
      row(it.nodeId).push({ kind: 'wait', from: t, to: d.deadlineMs || t + (d.delayMs || 0),
        label: `retry wait ${duration(d.delayMs)}` });
    } else if (it.kind === 'timer_set' && !hidden_timers.includes(d.purpose)) {
      const s = { kind: 'timer', from: t, to: null, due: d.deadlineMs, label: d.timerId };
      row(it.nodeId).push(s); open.set('t' + d.timerId, s);
    } else if (it.kind === 'timer_fired' || it.kind === 'timer_cancelled') {
      const s = open.get('t' + d.timerId);
      if (s) { s.to = t; open.delete('t' + d.timerId); }
    } else if (['node_skipped', 'node_cancelled', 'node_completed', 'node_failed'].includes(it.kind)) {
      row(it.nodeId).push({ kind: 'mark', from: t, to: t, label: it.kind.slice(5) });
    }
  }
  for (const s of open.values()) { s.to = Math.max(now, s.from); s.open = true; }
  return [...rows.entries()].map(([node, spans]) => ({ node, spans }));
}
