// Browser test of the dashboard's Tasks view against a real node (see docs/dashboard.md): the
// script defines shell tasks with resources (one with a schedule `{"every": 3600}`) and starts
// runs through the API, then checks that the view shows what the API answers: the queue's
// depth by priority and use, the pool's capacity, the running run's resources, the schedule's
// next fire time in words and in the browser's zone (Asia/Kolkata, UTC+05:30), the history
// newest first and filtered, a run's detail and logs; it starts, cancels and retries runs from
// the page. The node's pool needs `licenses: 2` (tasks_browser_test.cpp). Prints one line per
// check; exit 1 on any failure. Env: AURAOS_URL, AURAOS_ARTIFACTS.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { all_passed, api_client, check, check_count, console_watch, expect, expect_same, settings,
  until } from './harness.mjs';

const { url, artifacts } = settings({ with_fixture: false });
const api = api_client(url);
const wait_ms = 10000;
const zone = 'Asia/Kolkata';
const tag = Date.now().toString(36);
const queue = `reports-${tag}`;
const ids = { report: `report-${tag}`, slow: `slow-${tag}`, blocked: `blocked-${tag}` };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: zone });
const page = await context.newPage();
page.setDefaultTimeout(wait_ms);
const watch = console_watch(page);
const tid = (id, extra = '') => `[data-testid="${id}"]${extra}`;
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
const attrs = (sel, a) => page.$$eval(sel, (els, a) => els.map((e) => e.getAttribute(a)), a);
const text = (sel) => page.textContent(sel).then((t) => t.trim());
const runs = (q) => api.get('/task-executions?' + new URLSearchParams({ order: 'newest', limit: '50', ...q }));

/** Opens #/HASH and waits for the tasks view's data. */
async function open(hash, view = 'tasks') {
  watch.set_view(view);
  await page.evaluate((h) => { location.hash = h; }, '#/' + hash);
  await page.waitForSelector(tid('view-tasks', '[data-ready="true"]'));
}

/** An RFC 3339 instant as 'YYYY-MM-DD HH:MM:SS' in Asia/Kolkata (UTC+05:30, no DST). */
const kolkata = (iso) => new Date(Date.parse(iso) + 330 * 60000).toISOString().slice(0, 19).replace('T', ' ');

function shell(id, command, resources, priority) {
  return { id, name: id, type: 'shell', config: { command }, resources, priority, queue };
}

// --- empty states and the pool before any task of this run ----------------------------------
await check('the Tasks view opens from the navigation and shows the pool', async () => {
  watch.set_view('tasks');
  await page.goto(url + '/#/overview');
  await page.click(tid('nav-tasks'));
  await page.waitForSelector(tid('view-tasks', '[data-ready="true"]'));
  // Chromium's ICU names Asia/Kolkata by its older alias Asia/Calcutta: the page shows the browser's own name.
  const browser_zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(['Asia/Kolkata', 'Asia/Calcutta'].includes(browser_zone), `the browser's zone is ${browser_zone}`);
  expect(await text(tid('local-zone')) === browser_zone, `zone shown: ${await text(tid('local-zone'))}`);
  const pool = await api.get('/task-queues');
  expect_same((await attrs(tid('pool-resource'), 'data-resource')).sort(), Object.keys(pool.capacity).sort(), 'pool resources');
  expect_same((await attrs(tid('pool-resource'), 'data-capacity')).map(Number), (await attrs(tid('pool-resource'), 'data-resource'))
    .map((r) => pool.capacity[r]), 'pool capacity');
  const tasks = await api.get('/tasks');
  if (tasks.items.length === 0) {
    await page.waitForSelector(tid('tasks-empty'));
    if ((await runs({})).items.length === 0) await page.waitForSelector(tid('task-history-empty'));
    return 'empty node: the empty states are shown';
  }
  return `${tasks.items.length} task(s) already defined`;
});

// --- the API side: tasks, a schedule, runs ---------------------------------------------------
const made = {};
await check('tasks, a schedule and runs are set up through the API', async () => {
  await api.post('/tasks', shell(ids.report,
    'echo "report started"; echo "slow disk" >&2; echo \'{"rows": 42}\'', { cpu: 0.5, memoryMiB: 256, licenses: 1 }, 5));
  await api.post('/tasks', shell(ids.slow, 'echo sleeping; sleep 60', { cpu: 1, licenses: 1 }, 3));
  await api.post('/tasks', shell(ids.blocked, 'echo blocked done', { licenses: 2 }, 1));
  made.schedule = await api.put(`/tasks/${ids.report}/schedule`, { every: 3600 });
  expect(made.schedule.nextFireTimes.length > 0, 'the schedule has no next fire time');
  made.report = await api.post(`/tasks/${ids.report}/executions`, { input: { day: '2026-12-01' } });
  await until(async () => (await api.get('/task-executions/' + made.report.id)).status === 'completed', 20000, 'the report run completes');
  made.slow = await api.post(`/tasks/${ids.slow}/executions`, { input: { sleep: 60 } });
  await until(async () => (await api.get('/task-executions/' + made.slow.id)).status === 'running', 20000, 'the slow run runs');
  made.blocked = await api.post(`/tasks/${ids.blocked}/executions`, { input: null });
  await until(async () => (await api.get('/task-queues')).queues.some((q) => q.queue === queue && q.waiting === 1),
    10000, 'the blocked run waits in its queue');
  return `runs ${made.report.id}, ${made.slow.id}, ${made.blocked.id}`;
});

// --- queues, pool, running -------------------------------------------------------------------
await check('the queue row shows the API\'s depth by priority, running and use', async () => {
  await open('tasks');
  const row = tid('task-queue-row', `[data-queue="${queue}"]`);
  await until(async () => {
    const q = (await api.get('/task-queues')).queues.find((x) => x.queue === queue);
    const want = Object.entries(q.depthByPriority).map(([p, n]) => [Number(p), n]).sort((a, b) => b[0] - a[0]);
    const shown = await page.$$eval(`${row} ${tid('queue-priority')}`, (els) => els.map((e) => [Number(e.dataset.priority), Number(e.dataset.count)]));
    expect_same(shown, want, 'depth by priority (highest first)');
    for (const k of ['waiting', 'delayed', 'claimable', 'running'])
      expect(Number(await text(`${row} ${tid('queue-' + k)}`)) === q[k], `${k}: API ${q[k]}`);
    const use = await text(`${row} ${tid('queue-in-use')}`);
    for (const [k, v] of Object.entries(q.inUse)) expect(use.includes(`${k} ${v}`), `in use '${use}' lacks ${k} ${v}`);
    return true;
  }, 6000, 'the queue row matches the API');
  const pool = await api.get('/task-queues');
  const licenses = tid('pool-resource', '[data-resource="licenses"]');
  expect(Number(await page.getAttribute(licenses, 'data-in-use')) === pool.inUse.licenses, 'licenses in use');
  await shot('tasks');
  return `${queue}: waiting 1 at priority 1, running 1`;
});

await check('the running run is listed with its worker and resources', async () => {
  const r = await api.get('/task-executions/' + made.slow.id);
  const row = tid('task-running-row', `[data-id="${r.id}"]`);
  await page.waitForSelector(row);
  expect(await text(`${row} ${tid('task-running-worker')}`) === r.worker, `worker: API ${r.worker}`);
  const res = await text(`${row} ${tid('task-running-resources')}`);
  for (const [k, v] of Object.entries(r.resourceAllocation)) expect(res.includes(`${k} ${v}`), `'${res}' lacks ${k} ${v}`);
  return res;
});

// --- schedules -------------------------------------------------------------------------------
await check('the schedule shows every 1 h, overlap, skipped and the next fire time in words and in the zone', async () => {
  const row = tid('task-row', `[data-task="${ids.report}"]`);
  await page.waitForSelector(`${row} ${tid('schedule-next-words')}`);
  const s = await api.get(`/tasks/${ids.report}/schedule`);
  const next = s.nextFireTimes[0];
  expect((await text(`${row} ${tid('schedule-spec')} .mono`)) === 'every 1 h', 'spec text');
  expect(await text(`${row} ${tid('schedule-overlap')}`) === (s.overlap || 'skip'), 'overlap');
  expect(Number(await text(`${row} ${tid('schedule-skipped')}`)) === s.skipped.count, 'skipped count');
  expect(await page.getAttribute(`${row} ${tid('schedule-next-local')}`, 'data-iso') === next, 'next fire time');
  const local = await text(`${row} ${tid('schedule-next-local')}`);
  expect(local === kolkata(next), `local time ${local}, wanted ${kolkata(next)} (${next} in ${zone})`);
  const words = await text(`${row} ${tid('schedule-next-words')}`);
  const minutes = (Date.parse(next) - Date.now()) / 60000;
  const m = words.match(/^in (\d+) minutes?$/);
  const ok = m ? Math.abs(Number(m[1]) - minutes) <= 1
    : words === 'in 1 hour' ? minutes >= 59
      : words === `tomorrow at ${kolkata(next).slice(11, 16)}` && minutes >= 59;
  expect(ok, `'${words}' for a fire time ${minutes.toFixed(1)} minutes away`);
  expect_same(await attrs(`${row} ${tid('schedule-fire')}`, 'data-iso'), s.nextFireTimes, 'the next fire times');
  const none = await attrs(tid('schedule-none'), 'data-testid');
  expect(none.length >= 2, 'the tasks without a schedule do not say so');
  return `${words}, ${local} ${zone}`;
});

// --- history and a run's detail --------------------------------------------------------------
await check('the history lists the API\'s runs newest first, with their status', async () => {
  await until(async () => {
    const want = (await runs({})).items;
    expect_same(await attrs(tid('task-run-row'), 'data-id'), want.map((r) => r.id), 'history ids');
    expect_same(await attrs(tid('task-run-row'), 'data-status'), want.map((r) => r.status), 'history statuses');
    return true;
  }, 6000, 'the history matches the API');
  const status = await page.getAttribute(tid('task-run-row', `[data-id="${made.report.id}"]`), 'data-status');
  expect(status === 'completed', `the report run shows ${status}`);
});

await check('the status and task filters show the API\'s runs', async () => {
  await page.selectOption(tid('run-filter-status'), 'completed');
  await until(async () => {
    expect_same(await attrs(tid('task-run-row'), 'data-id'), (await runs({ status: 'completed' })).items.map((r) => r.id), 'completed runs');
    return true;
  }, 6000, 'the status filter');
  await page.selectOption(tid('run-filter-status'), '');
  await page.selectOption(tid('run-filter-task'), ids.slow);
  await until(async () => {
    expect_same(await attrs(tid('task-run-row'), 'data-id'), (await runs({ taskId: ids.slow })).items.map((r) => r.id), 'runs of the slow task');
    return true;
  }, 6000, 'the task filter');
  await page.waitForSelector(tid('task-metrics'));
  const m = await api.get(`/tasks/${ids.slow}/metrics`);
  expect(Number(await text(tid('task-metrics-total'))) === m.runs.total, 'metrics total');
  await page.selectOption(tid('run-filter-task'), '');
});

await check('a run\'s detail shows its status, input, output and logs', async () => {
  await page.click(`${tid('task-run-row', `[data-id="${made.report.id}"]`)} ${tid('task-run-link')}`);
  await page.waitForSelector(tid('task-run-detail', `[data-id="${made.report.id}"][data-ready="true"]`));
  const r = await api.get('/task-executions/' + made.report.id);
  expect(await text(tid('task-run-status')) === r.status, 'status');
  expect(await text(tid('task-run-attempts')) === String(r.attempts), 'attempts');
  expect_same(JSON.parse(await text(tid('task-run-input'))), r.input, 'input');
  expect_same(JSON.parse(await text(tid('task-run-output'))), r.output, 'output');
  const logs = (await api.get(`/task-executions/${r.id}/logs`)).items;
  expect(logs.some((l) => l.stream === 'stderr' && l.line === 'slow disk'), 'the API has no stderr line');
  await page.waitForSelector(tid('task-log-line'));
  const shown = await page.$$eval(tid('task-log-line'), (els) => els.map((e) => [e.dataset.stream, e.textContent.slice(e.firstElementChild.textContent.length)]));
  expect_same(shown, logs.map((l) => [l.stream, l.line + '\n']), 'log lines');
  await shot('tasks-run');
  return `${logs.length} log lines`;
});

// --- acting from the page --------------------------------------------------------------------
await check('Start refuses broken JSON and starts a run the API then knows, listed first', async () => {
  await page.click(`${tid('task-row', `[data-task="${ids.report}"]`)} ${tid('task-start')}`);
  expect(await page.inputValue(tid('start-task')) === ids.report, 'the task is not chosen');
  await page.fill(tid('start-input'), '{"day": ');
  expect(await page.isDisabled(tid('start-submit')), 'Start is enabled for broken JSON');
  await page.fill(tid('start-input'), '{"day": "from the page"}');
  await page.click(tid('start-submit'));
  const id = await page.getAttribute(tid('start-result'), 'data-id');
  const r = await api.get('/task-executions/' + id);
  expect_same(r.input, { day: 'from the page' }, 'the started run\'s input');
  await until(async () => (await attrs(tid('task-run-row'), 'data-id'))[0] === id, 6000, 'the new run heads the history');
  return id;
});

await check('Cancel (confirmed) ends the running run; Retry queues a new run linked by retryOf', async () => {
  await page.click(`${tid('task-running-row', `[data-id="${made.slow.id}"]`)} ${tid('task-run-link')}`);
  await page.waitForSelector(tid('task-run-detail', `[data-id="${made.slow.id}"][data-ready="true"]`));
  await page.click(tid('task-action-cancel'));
  await page.waitForSelector(tid('confirm-dialog') + '[open]');
  await page.click(tid('confirm-ok'));
  await until(async () => (await api.get('/task-executions/' + made.slow.id)).status === 'cancelled', wait_ms, 'the API says cancelled');
  await until(async () => await text(tid('task-run-status')) === 'cancelled', 5000, 'the page says cancelled');
  await page.waitForSelector(tid('task-running-row', `[data-id="${made.slow.id}"]`), { state: 'detached' });
  await page.click(tid('task-action-retry'));
  await page.click(tid('confirm-ok'));
  const retried = await until(async () => {
    const shown = await page.getAttribute(tid('task-run-detail'), 'data-id');
    return shown !== made.slow.id && shown;
  }, wait_ms, 'the page shows the new run');
  const r = await api.get('/task-executions/' + retried);
  expect(r.retryOf === made.slow.id, `retryOf ${r.retryOf}`);
  await api.post(`/task-executions/${retried}/cancel`).catch(() => {});
  return `retried as ${retried}`;
});

await check('an API error is shown in place of the run, the rest of the view still works', async () => {
  await open('tasks?run=no-such-run', 'tasks (expected 404)');
  await page.waitForSelector(`${tid('task-run-detail')} ${tid('error')}`);
  const msg = await text(`${tid('task-run-detail')} ${tid('error')}`);
  expect(/404/.test(msg), `error shown: ${msg}`);
  await page.waitForSelector(tid('task-queue-row', `[data-queue="${queue}"]`));
});

await check('narrow window (400 px): no horizontal scrolling', async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  await open('tasks');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(over <= 1, `the tasks view is ${over} px wider than the window`);
  await shot('tasks-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
});

// Without a schedule a task's GET .../schedule answers 404: that is how the node says "none".
const expected = (e) => /status of 404/.test(e.text) &&
  (/\/schedule$/.test(e.text) || (e.view.includes('expected 404') && /no-such-run/.test(e.text)));
await check('no console errors on the tasks view', async () => {
  const errs = watch.errors.filter((e) => !expected(e));
  expect(errs.length === 0, errs.map((e) => `${e.view}: ${e.text}`).join(' | '));
});

await browser.close();
console.log(`${check_count()} checks, ${all_passed() ? 'all passed' : 'some FAILED'}; artifacts in ${artifacts}`);
process.exit(all_passed() ? 0 : 1);
