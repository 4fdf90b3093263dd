// Future times in words ("in 3 minutes", "tomorrow at 02:00") and as times in the browser's
// own time zone (Intl), for schedules' next fire times.

const day_ms = 86400000;

/** The browser's IANA time zone (e.g. 'Europe/Berlin'); 'UTC' when Intl does not say. */
export function local_zone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function parts(date, zone, options) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...options });
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 'HH:MM' of date in zone (24 hours). */
function clock(date, zone) {
  const p = parts(date, zone, { hour: '2-digit', minute: '2-digit' });
  return `${p.hour}:${p.minute}`;
}

/** The calendar day of date in zone as a number of days since 1970-01-01. */
function day_number(date, zone) {
  const p = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return Math.round(Date.UTC(+p.year, +p.month - 1, +p.day) / day_ms);
}

/** The zone's offset from UTC at date as '+05:30' ('+00:00' for UTC). */
export function zone_offset(date, zone) {
  const p = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit' });
  const as_utc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const minutes = Math.round((as_utc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The time as '2026-12-24 18:00:00' in zone (default: the browser's). */
export function zoned_time(iso, zone = local_zone()) {
  const d = new Date(iso);
  if (!iso || isNaN(d)) return '–';
  const p = parts(d, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit' });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const plural = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A coming time in words, relative to now in zone: 'in 40 seconds', 'in 3 minutes',
 *  'in 2 hours' (the same day), 'tomorrow at 02:00', 'Friday at 02:00' (within a week),
 *  'on 2026-12-24 at 18:00'; a past time is 'due now' (under a minute) or 'N minutes ago'. */
export function in_words(iso, now = Date.now(), zone = local_zone()) {
  const d = new Date(iso);
  if (!iso || isNaN(d)) return '–';
  const ms = d.getTime() - now;
  if (ms < 0) return ms > -60000 ? 'due now' : plural(Math.round(-ms / 60000), 'minute') + ' ago';
  if (ms < 60000) return 'in ' + plural(Math.max(1, Math.ceil(ms / 1000)), 'second');
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return 'in ' + plural(minutes, 'minute');
  const days = day_number(d, zone) - day_number(new Date(now), zone);
  if (days === 0) return 'in ' + plural(Math.round(ms / 3600000), 'hour');
  if (days === 1) return `tomorrow at ${clock(d, zone)}`;
  if (days < 7) return `${parts(d, zone, { weekday: 'long' }).weekday} at ${clock(d, zone)}`;
  return `on ${zoned_time(iso, zone).slice(0, 10)} at ${clock(d, zone)}`;
}

/** Seconds as words for an interval: 'every 45 s', 'every 5 min', 'every 1 h 30 min', 'every 2 d'. */
export function every_words(seconds) {
  const s = Number(seconds);
  if (!isFinite(s) || s <= 0) return String(seconds);
  if (s % 86400 === 0) return `every ${s / 86400} d`;
  if (s % 3600 === 0) return `every ${s / 3600} h`;
  if (s >= 3600) return `every ${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  if (s % 60 === 0) return `every ${s / 60} min`;
  return `every ${s} s`;
}
