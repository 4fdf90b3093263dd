// How times, durations and values are shown.

/** '12:03:04' for today's times, else '2026-11-26 12:03'; '–' for none. */
export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const today = new Date().toDateString() === d.toDateString();
  const pad = (n) => String(n).padStart(2, '0');
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return today ? hms : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hms}`;
}

/** A duration in ms as '850 ms', '12.3 s', '4 min 5 s', '2 h 3 min'. */
export function duration(ms) {
  if (ms === null || ms === undefined || isNaN(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.floor(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The time from start to end (or to now while running) in ms, null when unknown. */
export function span(start, end, now = Date.now()) {
  if (!start) return null;
  return (end ? Date.parse(end) : now) - Date.parse(start);
}

/** 'N s ago' for a past time. */
export function age(iso, now = Date.now()) {
  if (!iso) return '–';
  return duration(Math.max(0, now - Date.parse(iso))) + ' ago';
}

/** JSON as indented text (null shown as 'null'). */
export function json(value) {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** An RFC 3339 time of a datetime-local input's value (local time), '' for none. */
export function local_to_iso(value) {
  if (!value) return '';
  const d = new Date(value);
  return isNaN(d) ? '' : d.toISOString();
}

/** A datetime-local input's value for an RFC 3339 time. */
export function iso_to_local(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  const off = d.getTimezoneOffset() * 60000;
  return new Date(d - off).toISOString().slice(0, 16);
}

/** Resource names in showing order: cpu, memoryMiB, then the custom ones by name. */
export function resource_names(...maps) {
  const names = new Set(maps.flatMap((m) => Object.keys(m || {})));
  const rank = (n) => (n === 'cpu' ? 0 : n === 'memoryMiB' ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Resource amounts as 'cpu 1 · memoryMiB 512 · licenses 1' ('–' for none). */
export function amounts(map) {
  const names = resource_names(map);
  return names.length ? names.map((n) => `${n} ${+map[n].toFixed(3)}`).join(' · ') : '–';
}
