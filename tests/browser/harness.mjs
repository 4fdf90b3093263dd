// The browser test's plumbing: checks that print one line each, waits with deadlines, the
// node's own JSON, and console errors collected per view.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Settings from the environment (AURAOS_URL, AURAOS_ARTIFACTS, AURAOS_FIXTURE unless
 *  with_fixture is false). */
export function settings({ with_fixture = true } = {}) {
  const url = (process.env.AURAOS_URL || '').replace(/\/$/, '');
  const fixture = process.env.AURAOS_FIXTURE;
  if (!url || (with_fixture && !fixture)) {
    console.error(`set AURAOS_URL (a running node)${with_fixture ? ' and AURAOS_FIXTURE (the fixture JSON file)' : ''}`);
    process.exit(2);
  }
  const artifacts = process.env.AURAOS_ARTIFACTS || 'build/browser-artifacts';
  mkdirSync(artifacts, { recursive: true });
  return { url, fixture, artifacts };
}

const results = [];

/** Runs one named check; prints 'ok NAME' or 'FAIL NAME: why'; never throws. */
export async function check(name, f) {
  const t0 = Date.now();
  try {
    const note = await f();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${note ? ' (' + note + ')' : ''} [${Date.now() - t0} ms]`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${String(e && e.message || e).split('\n')[0]} [${Date.now() - t0} ms]`);
  }
}

/** Whether every check passed. */
export const all_passed = () => results.every((r) => r.ok);
export const check_count = () => results.length;

/** Throws message unless cond. */
export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/** Compares two values as JSON; throws naming what differs. */
export function expect_same(actual, wanted, what) {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  if (a !== w) throw new Error(`${what}: the page shows ${a.slice(0, 300)}, the API says ${w.slice(0, 300)}`);
}

/** Calls f until it answers a truthy value or ms pass (then throws what). */
export async function until(f, ms, what) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try { last = await f(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`${what} (not within ${ms} ms${last instanceof Error ? ': ' + last.message : ''})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A client of the node's REST API. */
export function api_client(base) {
  const call = async (method, path, body) => {
    const res = await fetch(base + '/api/v1' + path, {
      method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return json;
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), put: (p, b) => call('PUT', p, b) };
}

/** Collects console errors and page errors of a page, labelled by the current view. */
export function console_watch(page) {
  const errors = [];
  let view = 'start';
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location() && m.location().url;  // the resource of a failed request
    errors.push({ view, text: m.text() + (where ? ' ' + where : '') });
  });
  page.on('pageerror', (e) => errors.push({ view, text: 'uncaught: ' + e.message }));
  return { errors, set_view: (v) => { view = v; } };
}

/** Writes timings.json into the artifacts directory. */
export function write_timings(dir, timings) {
  writeFileSync(join(dir, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
}
