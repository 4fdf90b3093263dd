// Browser test of the dashboard against a real node (see docs/dashboard.md): every view shows
// what the API answers, an action from the UI changes an execution, live updates arrive
// without reload, an injected crash shows in the supervision view, no console errors;
// screenshots and timings.json go to AURAOS_ARTIFACTS. Prints one line per check; exit 1 on
// any failure. Env: AURAOS_URL, AURAOS_FIXTURE, AURAOS_ARTIFACTS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { all_passed, api_client, check, check_count, console_watch, expect, expect_same, settings,
  until, write_timings } from './harness.mjs';

const { url, fixture: fixture_path, artifacts } = settings();
const fx = JSON.parse(readFileSync(fixture_path, 'utf8'));
const api = api_client(url);
const timings = { views: {} };
const wait_ms = 10000;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.setDefaultTimeout(wait_ms);
const watch = console_watch(page);
const tid = (id, extra = '') => `[data-testid="${id}"]${extra}`;
const shot = (name, p = page) => p.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.trim()));
const attrs = (sel, a) => page.$$eval(sel, (els, a) => els.map((e) => e.getAttribute(a)), a);

/** Opens #/HASH in the page (same document) and waits for the view's data. */
async function open(hash, view) {
  watch.set_view(view);
  const t0 = Date.now();
  await page.evaluate((h) => { location.hash = h; }, '#/' + hash);
  await page.waitForSelector(tid('view-' + view, '[data-ready="true"]'));
  timings.views[hash.split('?')[0]] = Date.now() - t0;
}

function flatten(t, parent = '') {
  const path = parent ? parent + '/' + t.name : t.name;
  return [{ path, node: t }, ...(t.children || []).flatMap((c) => flatten(c, path))];
}

// --- overview, first render ---------------------------------------------------------------
await check('overview renders its data (first render measured)', async () => {
  watch.set_view('overview');
  await page.goto(url + '/#/overview');
  await page.waitForSelector(tid('view-overview', '[data-ready="true"]'));
  const ms = await page.evaluate(() => {
    const m = performance.getEntriesByName('auraos:overview-data')[0];
    return m ? m.startTime : performance.now();
  });
  timings.firstRenderMs = Math.round(ms);
  console.log(`first-render-ms ${timings.firstRenderMs}`);
  const cluster = await api.get('/cluster');
  expect_same((await attrs(tid('overview-node-row'), 'data-node')).sort(), cluster.nodes.map((n) => n.name).sort(), 'cluster nodes');
  await until(async () => {
    const by = (await api.get('/executions/metrics')).byStatus;
    for (const s of ['running', 'completed', 'failed']) {
      const shown = await page.textContent(tid('overview-status-' + s));
      if (Number(shown) !== by[s]) throw new Error(`${s}: page ${shown}, API ${by[s]}`);
    }
    return true;
  }, 6000, 'executions by status match the API');
  await page.waitForSelector(tid('chart-throughput') + ' canvas');
  await page.waitForSelector(tid('chart-latency') + ' canvas');
  return `${timings.firstRenderMs} ms`;
});

// A user's browser is already running: the budget applies to the median of page loads in fresh
// contexts (new cache, cookies and storage) of the running browser; the first load above, which
// also pays for starting chromium's renderer, is recorded beside it.
async function overview_load_ms() {
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const p = await fresh.newPage();
    p.setDefaultTimeout(wait_ms);
    await p.goto(url + '/#/overview');
    await p.waitForSelector(tid('view-overview', '[data-ready="true"]'));
    return Math.round(await p.evaluate(() => performance.getEntriesByName('auraos:overview-data')[0].startTime));
  } finally {
    await fresh.close();
  }
}

await check('the overview renders within the first-render budget', async () => {
  const budget = Number(process.env.AURAOS_FIRST_RENDER_BUDGET_MS || 1000);
  expect(timings.firstRenderMs !== undefined, 'not measured');
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await overview_load_ms());
  const sorted = [...loads].sort((a, b) => a - b);
  timings.firstRenderLoadsMs = loads;
  timings.firstRenderMedianMs = sorted[Math.floor(sorted.length / 2)];
  console.log(`first-render-median-ms ${timings.firstRenderMedianMs} (loads ${loads.join(', ')}; first load ${timings.firstRenderMs})`);
  expect(timings.firstRenderMedianMs <= budget,
    `median ${timings.firstRenderMedianMs} ms of loads ${loads.join(', ')}, budget ${budget} ms`);
  return `median ${timings.firstRenderMedianMs} ms of ${budget} ms; first load ${timings.firstRenderMs} ms`;
});

await check('the connection state shows live', async () => {
  await page.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.textContent === 'live');
  await shot('overview');
});

await check('keyboard: the skip link comes first and focuses the main content', async () => {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  expect((await page.evaluate(() => document.activeElement.textContent)) === 'Skip to content', 'first Tab stop is not the skip link');
  await page.keyboard.press('Enter');
  expect((await page.evaluate(() => document.activeElement.id)) === 'main', 'Enter on the skip link does not focus main');
});

// --- supervision ----------------------------------------------------------------------------
await check('supervision shows the tree the API answers', async () => {
  await open('supervision', 'supervision');
  const tree = await api.get('/supervision');
  const want = flatten(tree).filter((e) => e.node.kind !== 'execution');
  for (const { path, node } of want) {
    const r = await page.getAttribute(tid('sup-node', `[data-path="${path}"]`), 'data-restarts', { timeout: 2000 });
    expect(Number(r) >= node.restarts, `${path}: page shows ${r} restarts, API ${node.restarts}`);
  }
  return `${want.length} actors`;
});

await check('clicking an actor shows its details', async () => {
  await page.click(tid('sup-node', `[data-name="${fx.crashActor}"]`));
  await page.waitForFunction((n) => document.querySelector('[data-testid="sup-details-name"]')?.textContent === n, fx.crashActor);
  await shot('supervision');
});

await check(`a crash of ${fx.crashActor} appears in the supervision view`, async () => {
  const sel = tid('sup-node', `[data-name="${fx.crashActor}"]`);
  const before = Number(await page.getAttribute(sel, 'data-restarts'));
  const t0 = Date.now();
  await api.post('/_test/crash/' + encodeURIComponent(fx.crashActor));
  await page.waitForFunction(([s, b]) => Number(document.querySelector(s)?.getAttribute('data-restarts')) > b,
    [sel, before], { timeout: 3000 });
  timings.crashVisibleMs = Date.now() - t0;
  await page.waitForSelector(sel + '.flash', { timeout: 1000 });
  await shot('supervision-restart');
  return `restarts ${before} -> more after ${timings.crashVisibleMs} ms`;
});

// --- workflows -------------------------------------------------------------------------------
await check('workflows lists the API page', async () => {
  await open('workflows', 'workflows');
  const list = await api.get('/workflows?limit=50');
  expect_same(await attrs(tid('workflow-row'), 'data-id'), list.items.map((w) => w.id), 'workflow ids');
  await shot('workflows');
});

await check('workflow search (q) shows what the API finds', async () => {
  const name = fx.workflows[0].name;
  const q = name.slice(Math.floor(name.length / 3), Math.floor(name.length / 3) + 4).toUpperCase();
  await page.fill(tid('workflow-search'), q);
  const want = (await api.get('/workflows?limit=50&q=' + encodeURIComponent(q))).items.map((w) => w.id);
  await until(async () => JSON.stringify(await attrs(tid('workflow-row'), 'data-id')) === JSON.stringify(want),
    5000, `rows for q=${q} equal the API's ${JSON.stringify(want)}`);
  expect(want.includes(fx.workflows[0].id), `the API's search for ${q} misses ${fx.workflows[0].id}`);
  return `q=${q}: ${want.length}`;
});

await check('a workflow page draws its definition, revisions and metrics', async () => {
  const id = fx.startWorkflow;
  await open('workflows/' + encodeURIComponent(id), 'workflow');
  const wf = await api.get('/workflows/' + encodeURIComponent(id));
  expect_same(await page.textContent(tid('workflow-name')), wf.name, 'name');
  const def = wf.definition;
  expect_same((await attrs(tid('graph-node'), 'data-node')).sort(), def.nodes.map((n) => n.id).sort(), 'graph nodes');
  expect_same((await page.$$(tid('graph-edge'))).length, (def.connections || []).length, 'graph edges');
  const labelled = (def.connections || []).filter((c) => (c.on && c.on !== 'success') || c.when).length;
  expect_same((await page.$$(tid('graph-edge-label'))).length, labelled, 'labelled connections (on/when)');
  const incoming = {};
  for (const c of def.connections || []) incoming[c.to] = (incoming[c.to] || 0) + 1;
  const joins = def.nodes.filter((n) => n.join || incoming[n.id] > 1).length;
  expect_same((await page.$$(tid('graph-join'))).length, joins, 'joins shown');
  const revs = await api.get(`/workflows/${encodeURIComponent(id)}/revisions?limit=20`);
  expect_same((await attrs(tid('revision-item'), 'data-revision')).map(Number), revs.items.map((r) => r.revision), 'revisions');
  const m = await api.get(`/workflows/${encodeURIComponent(id)}/metrics`);
  await page.waitForSelector(tid('workflow-metrics-total'));
  expect(Number(await page.textContent(tid('workflow-metrics-total'))) >= m.executions.total - 1, 'metrics total');
  await shot('workflow');
  return `${def.nodes.length} nodes, ${(def.connections || []).length} connections`;
});

await check('the start form checks JSON locally and starts an execution', async () => {
  const prefilled = await page.inputValue(tid('start-input'));
  await page.fill(tid('start-input'), '{"broken": ');
  await page.waitForFunction(() => /Not valid JSON/.test(document.querySelector('[data-testid="start-json-state"]').textContent));
  expect(await page.isDisabled(tid('start-submit')), 'Start is enabled with invalid JSON');
  await page.fill(tid('start-input'), prefilled);
  await page.click(tid('start-submit'));
  const id = await (await page.waitForSelector(tid('start-result'))).getAttribute('data-id');
  const ex = await api.get('/executions/' + encodeURIComponent(id));
  expect(ex.workflowId === fx.startWorkflow, `started execution ${id} belongs to ${ex.workflowId}`);
  return id;
});

await check('a start the API refuses (422) shows its message and details', async () => {
  const def = { name: `browser test refusal ${Date.now()}`,
    variables: [{ name: 'count', type: 'number', required: true }],
    nodes: [{ id: 'only', type: 'noop' }] };
  const wf = await api.post('/workflows', def);
  try {
    await open('workflows/' + encodeURIComponent(wf.id), 'workflow');
    watch.set_view('workflow (expected 422)');
    await page.fill(tid('start-input'), '{"count": "three"}');
    await page.click(tid('start-submit'));
    const box = await page.waitForSelector(tid('start-error'));
    const refused = await fetch(`${url}/api/v1/workflows/${encodeURIComponent(wf.id)}/executions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { count: 'three' } }) }).then((r) => r.json());
    const text = await box.textContent();
    expect(text.includes(refused.error.message), `message ${refused.error.message} not shown`);
    for (const d of refused.error.details || []) expect(text.includes(typeof d === 'string' ? d : JSON.stringify(d)), `detail ${d} not shown`);
    return `${refused.error.code}: ${(refused.error.details || []).length} detail(s)`;
  } finally {
    await fetch(`${url}/api/v1/workflows/${encodeURIComponent(wf.id)}`, { method: 'DELETE' });
  }
});

// --- executions --------------------------------------------------------------------------------
const exec_ids = async () => attrs(tid('execution-row'), 'data-id');

await check('executions lists the API page (first render of the list)', async () => {
  await open('executions', 'executions');
  const list = await api.get('/executions?order=newest&limit=50');
  expect_same(await exec_ids(), list.items.map((e) => e.id), 'first page');
  await shot('executions');
  return `${timings.views.executions} ms with ${fx.seededExecutions} seeded`;
});

await check('executions paging: Next and Previous follow the cursors', async () => {
  const p1 = await api.get('/executions?order=newest&limit=50');
  if (!p1.nextCursor) return 'one page only';
  const p2 = await api.get('/executions?order=newest&limit=50&cursor=' + encodeURIComponent(p1.nextCursor));
  await page.click(tid('page-next'));
  await until(async () => JSON.stringify(await exec_ids()) === JSON.stringify(p2.items.map((e) => e.id)), 5000, 'page 2 equals the API');
  await page.click(tid('page-previous'));
  await until(async () => JSON.stringify(await exec_ids()) === JSON.stringify(p1.items.map((e) => e.id)), 5000, 'back on page 1');
});

await check('executions filters (status, workflow, started after) match the API', async () => {
  await page.selectOption(tid('filter-status'), 'failed');
  await page.fill(tid('filter-workflow'), '');
  await page.click(tid('filter-apply'));
  const failed = (await api.get('/executions?order=newest&limit=50&status=failed')).items.map((e) => e.id);
  await until(async () => JSON.stringify(await exec_ids()) === JSON.stringify(failed), 5000, 'status=failed rows');
  const wid = fx.workflows[0].id;
  await open(`executions?workflowId=${encodeURIComponent(wid)}`, 'executions');
  const by_wf = (await api.get(`/executions?order=newest&limit=50&workflowId=${encodeURIComponent(wid)}`)).items.map((e) => e.id);
  await until(async () => JSON.stringify(await exec_ids()) === JSON.stringify(by_wf), 5000, 'workflowId rows');
  const after = new Date(Date.now() - 10 * 60 * 1000).toISOString();
  await open(`executions?startedAfter=${encodeURIComponent(after)}`, 'executions');
  const recent = (await api.get(`/executions?order=newest&limit=50&startedAfter=${encodeURIComponent(after)}`)).items.map((e) => e.id);
  await until(async () => JSON.stringify(await exec_ids()) === JSON.stringify(recent), 5000, 'startedAfter rows');
  return `${failed.length} failed, ${by_wf.length} of ${wid}, ${recent.length} in the last 10 min`;
});

await check('a new execution appears in the executions list without reload', async () => {
  await open('executions', 'executions');
  const t0 = Date.now();
  const started = await api.post(`/workflows/${encodeURIComponent(fx.startWorkflow)}/executions`, { input: null })
    .catch(() => api.post(`/workflows/${encodeURIComponent(fx.startWorkflow)}/executions`, { input: {} }));
  await page.waitForSelector(tid('live-activity-item', `[data-id="${started.id}"]`), { timeout: 5000 });
  timings.liveUpdateMs = Date.now() - t0;
  await shot('executions-live');
  return `${started.id} after ${timings.liveUpdateMs} ms`;
});

async function check_execution(kind) {
  const id = fx.executions[kind];
  await open('executions/' + encodeURIComponent(id), 'execution');
  const ex = await api.get('/executions/' + encodeURIComponent(id));
  await until(async () => (await page.textContent(tid('execution-status'))).replace(' ', '_') === ex.status, 3000,
    `status ${ex.status}`);
  await page.waitForSelector(tid('graph-node'));
  for (const n of ex.nodes || []) {
    const st = await page.getAttribute(tid('graph-node', `[data-node="${n.id}"]`), 'data-status');
    expect(st === n.status, `node ${n.id}: page ${st}, API ${n.status}`);
  }
  const hist = await api.get(`/executions/${encodeURIComponent(id)}/history`);
  expect_same(await attrs(tid('timeline-item'), 'data-kind'), hist.items.map((h) => h.kind), 'history records');
  expect_same(JSON.parse(await page.textContent(tid('execution-input'))), ex.input ?? null, 'input');
  if (ex.output !== undefined && ex.output !== null) expect_same(JSON.parse(await page.textContent(tid('execution-output'))), ex.output, 'output');
  if (ex.error) expect_same(JSON.parse(await page.textContent(tid('execution-error'))), ex.error, 'error');
  return { ex, hist };
}

await check('a completed execution shows graph, timeline, output and logs with the command output', async () => {
  const { hist } = await check_execution('completed');
  await page.click(tid('logs-toggle'));
  const logs = await api.get(`/executions/${encodeURIComponent(fx.executions.completed)}/logs`);
  const shown = await (await page.waitForSelector(tid('logs-lines'))).textContent();
  for (const line of logs.items) expect(shown.includes(line), `log line missing: ${line.slice(0, 80)}`);
  const out = hist.items.find((h) => h.kind === 'attempt_completed' && h.data?.output?.stdout);
  expect(out, 'the fixture\'s completed execution has no attempt with stdout');
  const first_line = out.data.output.stdout.trim().split('\n')[0];
  await page.click(tid('graph-node', `[data-node="${out.nodeId}"]`));
  await page.waitForFunction(([n, text]) => {
    const d = document.querySelector(`[data-testid="node-details"][data-node="${n}"]`);
    return d && d.textContent.includes(text);
  }, [out.nodeId, JSON.stringify(first_line).slice(1, -1)]);
  await shot('execution-completed');
  return `${hist.items.length} records, ${logs.items.length} log lines, output of ${out.nodeId} shown`;
});

await check('a failed execution shows its error, attempts and retry waits', async () => {
  const { hist } = await check_execution('failed');
  const retries = hist.items.filter((h) => h.kind === 'retry_scheduled').length;
  expect((await page.$$(tid('timeline-wait'))).length === retries, `retry waits drawn: ${retries} expected`);
  const failures = hist.items.filter((h) => h.kind === 'attempt_failed').length;
  expect(failures >= 1, 'the fixture\'s failed execution has no failed attempt');
  await shot('execution-failed');
  return `${failures} failed attempts, ${retries} retry waits`;
});

await check('cancel from the UI (with confirmation) cancels the waiting execution', async () => {
  const { ex: before } = await check_execution('waiting');
  expect(['running', 'paused', 'pending'].includes(before.status), `the waiting execution is already ${before.status}`);
  await shot('execution-running');
  await page.click(tid('action-cancel'));
  await page.waitForSelector(tid('confirm-dialog') + '[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('confirm-dialog') + ':not([open])', { state: 'attached' });
  const still = await api.get('/executions/' + encodeURIComponent(fx.executions.waiting));
  expect(still.status !== 'cancelled', 'Escape cancelled the execution');
  await page.click(tid('action-cancel'));
  await page.waitForSelector(tid('confirm-dialog') + '[open]');
  await page.click(tid('confirm-ok'));
  await page.waitForFunction(() => document.querySelector('[data-testid="execution-status"]')?.textContent === 'cancelled');
  const ex = await until(async () => {
    const e = await api.get('/executions/' + encodeURIComponent(fx.executions.waiting));
    return e.status === 'cancelled' && e;
  }, 5000, 'the API says cancelled');
  await until(async () => (await attrs(tid('timeline-item'), 'data-kind')).includes('execution_cancelled'), 5000,
    'the timeline shows execution_cancelled live');
  await shot('execution-cancelled');
  return ex.status;
});

// --- events ----------------------------------------------------------------------------------
const tail_ids = async () => attrs(tid('event-row'), 'data-id');
/** The latest 200 events passing the query, newest first, as the API lists them. */
async function api_latest(q = '') {
  let items = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const page = await api.get(`/events?limit=1000${q}${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`);
    items = items.concat(page.items).slice(-200);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items.reverse().map((e) => e.id);
}
async function open_events(hash) {
  await open(hash, 'events');
  await page.waitForSelector(tid('event-tail', ':not([data-state="loading"])'));
}
const tag = Date.now().toString(36);
const publish = (events) => api.post('/events', events).then((r) => r.items);

await check('the events view lists the latest events the API answers, newest first', async () => {
  await publish([1, 2, 3].map((i) => ({ type: `ui.seed.${tag}`, source: 'browser-test', data: { i } })));
  await open_events('events');
  const want = await api_latest();
  expect_same(await tail_ids(), want, 'events');
  const first = await api.get('/events/' + encodeURIComponent(want[0]));
  const row = await page.textContent(tid('event-row', `[data-id="${first.id}"]`));
  expect(row.includes(first.type) && row.includes(first.source), `the row of ${first.id} lacks its type or source`);
  return `${want.length} events`;
});

await check('an event published after the page opened appears in the live tail', async () => {
  await page.waitForFunction(() => document.querySelector('[data-testid="event-tail-state"]')?.textContent === 'live');
  const t0 = Date.now();
  const [ev] = await publish({ type: `ui.live.${tag}`, source: 'browser-test', data: { amount: 7 } });
  await page.waitForSelector(tid('event-row', `[data-id="${ev.id}"]`), { timeout: 5000 });
  timings.eventLiveMs = Date.now() - t0;
  expect((await tail_ids())[0] === ev.id, 'the new event is not the first row');
  await shot('events');
  return `${ev.id} after ${timings.eventLiveMs} ms`;
});

await check('pause holds the tail and resume brings the events stored meanwhile, once each', async () => {
  await page.click(tid('event-tail-pause'));
  await page.waitForFunction(() => document.querySelector('[data-testid="event-tail-state"]')?.textContent === 'paused');
  const stored = await publish([1, 2].map((i) => ({ type: `ui.paused.${tag}`, source: 'browser-test', data: { i } })));
  await new Promise((r) => setTimeout(r, 300));
  expect(!(await tail_ids()).includes(stored[0].id), 'an event came in while paused');
  await page.click(tid('event-tail-pause'));
  await until(async () => {
    const ids = await tail_ids();
    return ids[0] === stored[1].id && ids[1] === stored[0].id;
  }, 5000, 'both events at the top after resume');
  expect_same(await tail_ids(), await api_latest(), 'events after resume (no gap, no duplicate)');
});

await check('a type filter narrows the tail to what the API lists, live included', async () => {
  const type = `ui.filter.${tag}`;
  await publish([{ type, source: 'browser-test', data: { n: 1 } }, { type: `ui.other.${tag}`, source: 'browser-test' }]);
  await page.fill(tid('event-filter-type'), type);
  await page.click(tid('event-filter-apply'));
  const want = await api_latest('&type=' + encodeURIComponent(type));
  await until(async () => JSON.stringify(await tail_ids()) === JSON.stringify(want), 5000, `rows of type=${type}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="event-tail-state"]')?.textContent === 'live');
  const [other] = await publish({ type: `ui.other.${tag}`, source: 'browser-test' });
  const [mine] = await publish({ type, source: 'browser-test', data: { n: 2 } });
  await page.waitForSelector(tid('event-row', `[data-id="${mine.id}"]`), { timeout: 5000 });
  expect(!(await tail_ids()).includes(other.id), 'an event of another type passed the filter');
  expect((await attrs(tid('event-row'), 'data-type')).every((t) => t === type), 'a row of another type');
  await shot('events-filtered');
  return `${want.length + 1} events of ${type}`;
});

await check('a filter the API refuses (400) shows its message', async () => {
  watch.set_view('events (expected 400)');
  await page.fill(tid('event-filter-where'), 'event.data.(');
  await page.click(tid('event-filter-apply'));
  const box = await page.waitForSelector(tid('event-error'));
  const res = await fetch(`${url}/api/v1/events?where=${encodeURIComponent('event.data.(')}`);
  const body = await res.json();
  expect(res.status === 400, `the API answered ${res.status}`);
  expect((await box.textContent()).includes(body.error.message), `message ${body.error.message} not shown`);
  return body.error.message;
});

await check('the correlation tree of A caused B caused C is drawn with its structure', async () => {
  const cid = `ui-chain-${tag}`;
  const [a] = await publish({ type: 'ui.chain.a', source: 'browser-test', correlationId: cid });
  const [b] = await publish({ type: 'ui.chain.b', source: 'browser-test', correlationId: cid, causationId: a.id });
  const [c] = await publish({ type: 'ui.chain.c', source: 'browser-test', correlationId: cid, causationId: b.id });
  const [d] = await publish({ type: 'ui.chain.d', source: 'browser-test', correlationId: cid, causationId: a.id });
  await open('events/' + encodeURIComponent(b.id), 'event');
  expect_same(JSON.parse(await page.textContent(tid('event-json'))), await api.get('/events/' + encodeURIComponent(b.id)), 'event JSON');
  const corr = await api.get('/events/correlations/' + encodeURIComponent(cid));
  const want = [];
  const walk = (n, parent) => { want.push([n.id, parent]); for (const k of n.children) walk(k, n.id); };
  for (const n of corr.tree) walk(n, '');
  const shown = await page.$$eval(tid('corr-node'), (els) => els.map((e) => [e.dataset.id, e.dataset.parent]));
  expect_same(shown, want, 'tree (id, parent) in order');
  expect_same(want, [[a.id, ''], [b.id, a.id], [c.id, b.id], [d.id, a.id]], 'the API tree');
  expect((await attrs(tid('corr-node') + '.current', 'data-id')).join() === b.id, 'the current event is not highlighted');
  await shot('event-correlation');
  await page.click(tid('corr-node', `[data-id="${c.id}"]`) + ' > .corr-item a');
  await page.waitForFunction((id) => document.querySelector('[data-testid="event-id"]')?.textContent === id, c.id);
  return `${want.length} nodes`;
});

await check('event patterns are listed with their matches', async () => {
  const rule = await api.post('/event-patterns', { name: `UI big payment ${tag}`, kind: 'threshold',
    type: `ui.pay.${tag}`, where: 'event.data.amount >= 100', count: 1, within: 60,
    emit: { type: `ui.pay.big.${tag}`, source: 'patterns' } });
  await api.post('/events', { type: `ui.pay.${tag}`, source: 'ui-test', data: { amount: 250 } });
  await until(async () => (await api.get('/event-patterns/' + encodeURIComponent(rule.id))).matches >= 1,
    wait_ms, 'the rule matched');
  const body = await api.get('/event-patterns?limit=100');
  await open_events('events');
  await page.waitForSelector(tid('pattern-row', `[data-id="${rule.id}"]`));
  expect_same(await attrs(tid('pattern-row'), 'data-id'), body.items.map((p) => p.id), 'patterns');
  await page.click(tid('pattern-row', `[data-id="${rule.id}"]`) + ' button');
  await page.waitForSelector(tid('pattern-match-row'));
  await shot('event-patterns');
  return `${body.items.length} pattern(s), a match shown`;
});

await check('an execution waiting for an event shows what it waits for', async () => {
  const wf = await api.post('/workflows', { name: `UI wait for payment ${tag}`, nodes: [
    { id: 'paid', type: 'wait_event', config: { type: `ui.payment.${tag}`, correlationId: '${execution.id}',
      where: 'event.data.amount >= 100', timeoutSeconds: 3600 } },
    { id: 'done', type: 'noop' }], connections: [{ from: 'paid', to: 'done' }] });
  const ex = await api.post(`/workflows/${encodeURIComponent(wf.id)}/executions`, { input: {} });
  await until(async () => (await api.get('/executions/' + ex.id)).nodes.some((n) => n.id === 'paid' && n.status === 'waiting'),
    wait_ms, 'the API says paid is waiting');
  await open('executions/' + encodeURIComponent(ex.id), 'execution');
  await page.waitForSelector(tid('event-wait', '[data-node="paid"]'));
  const hist = await api.get(`/executions/${encodeURIComponent(ex.id)}/history`);
  const cfg = hist.items.find((h) => h.kind === 'attempt_started' && h.nodeId === 'paid').data.config;
  for (const k of ['type', 'correlationId', 'where']) expect_same(await page.textContent(tid('event-wait-' + k)), cfg[k], k);
  expect(cfg.correlationId === ex.id, `the rendered correlationId ${cfg.correlationId} is not the execution id`);
  const link = await page.getAttribute(tid('event-wait-link'), 'href');
  const q = new URLSearchParams(link.split('?')[1]);
  expect(q.get('type') === cfg.type && q.get('correlationId') === ex.id, `link ${link}`);
  await shot('execution-waiting-event');
  await publish({ type: cfg.type, source: 'browser-test', correlationId: ex.id, data: { amount: 150 } });
  await page.waitForFunction(() => document.querySelector('[data-testid="execution-status"]')?.textContent === 'completed');
  await page.waitForSelector(tid('event-waits'), { state: 'detached', timeout: 3000 });
  await page.evaluate((h) => { location.hash = h; }, link);
  await page.waitForSelector(tid('event-tail', ':not([data-state="loading"])'));
  expect((await attrs(tid('event-row'), 'data-type')).every((t) => t === cfg.type), 'the linked view is not filtered by type');
  expect((await tail_ids()).length === 1, 'the linked view does not list the one matching event');
  fetch(`${url}/api/v1/workflows/${encodeURIComponent(wf.id)}`, { method: 'DELETE' }).catch(() => {});
  return `${cfg.type} in ${cfg.correlationId}, then completed by the event`;
});

// --- cluster ---------------------------------------------------------------------------------
await check('cluster shows the nodes and the shard map of the API', async () => {
  await open('cluster', 'cluster');
  const c = await api.get('/cluster');
  const shards = await api.get('/cluster/shards');
  expect_same((await attrs(tid('cluster-node-row'), 'data-node')).sort(), c.nodes.map((n) => n.name).sort(), 'nodes');
  const owners = await attrs(tid('shard'), 'data-owner');
  const epochs = await attrs(tid('shard'), 'data-epoch');
  expect_same(owners, shards.map((s) => s.owner || ''), 'shard owners');
  expect_same(epochs.map(Number), shards.map((s) => s.epoch), 'shard epochs');
  await shot('cluster');
  return `${c.nodes.length} node(s), ${shards.length} shards`;
});

// --- layouts ---------------------------------------------------------------------------------
await check('narrow window (400 px): no horizontal scrolling', async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  for (const [hash, view] of [['overview', 'overview'], ['executions/' + encodeURIComponent(fx.executions.failed), 'execution'],
    ['events', 'events']]) {
    await open(hash, view);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(over <= 1, `${hash} is ${over} px wider than the window`);
  }
  await shot('events-narrow');
  await open('executions/' + encodeURIComponent(fx.executions.failed), 'execution');
  await shot('execution-narrow');
  await open('overview', 'overview');
  await shot('overview-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
});

await check('dark mode follows the system', async () => {
  const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  const p = await dark.newPage();
  const w = console_watch(p);
  w.set_view('overview (dark)');
  await p.goto(url + '/#/overview');
  await p.waitForSelector(tid('view-overview', '[data-ready="true"]'), { timeout: wait_ms });
  const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  expect(r + g + b < 150, `background ${bg} is not dark`);
  await shot('overview-dark', p);
  watch.errors.push(...w.errors);
  await dark.close();
});

for (const view of [...new Set(watch.errors.map((e) => e.view)), 'all views']) {
  if (view === 'all views' && watch.errors.length) continue;
  await check(`no console errors on ${view}`, async () => {
    const errs = watch.errors.filter((e) => (view === 'all views' || e.view === view) &&
      !(e.view.includes('expected 422') && /status of 422/.test(e.text)) &&
      !(e.view.includes('expected 400') && /status of 400/.test(e.text)));
    expect(errs.length === 0, errs.map((e) => e.text).join(' | '));
  });
}

write_timings(artifacts, timings);
await browser.close();
console.log(`${check_count()} checks, ${all_passed() ? 'all passed' : 'some FAILED'}; artifacts in ${artifacts}`);
process.exit(all_passed() ? 0 : 1);
