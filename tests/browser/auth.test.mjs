// Browser test of signing in to the dashboard of a node with authentication (see
// docs/dashboard.md, "Signing in"): the script adds a viewer and a user of a custom role
// (workflow:read only) through the API as the first admin, starts executions of a long-waiting
// workflow, then checks in chromium: the login page and a refused password; the admin's name,
// role and actions, the live stream, renewal before expiry and after a revoked token, a reload;
// sign-out (both tokens refused afterwards); the viewer without actions; the custom role's notes
// for what it cannot read; no console errors but the expected 401s. Prints one line per check;
// exit 1 on any failure. Env: AURAOS_URL, AURAOS_ADMIN_PASSWORD, AURAOS_TOKEN_SECONDS (the
// node's access-token lifetime, default 900), AURAOS_ARTIFACTS.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { all_passed, check, check_count, console_watch, expect, settings, until } from './harness.mjs';

const { url, artifacts } = settings({ with_fixture: false });
const admin_password = process.env.AURAOS_ADMIN_PASSWORD;
if (!admin_password) { console.error('set AURAOS_ADMIN_PASSWORD (the first admin\'s)'); process.exit(2); }
const token_seconds = Number(process.env.AURAOS_TOKEN_SECONDS || 900);
const wait_ms = 10000;
const tag = Date.now().toString(36);
const users = { viewer: `viewer-${tag}`, watcher: `watcher-${tag}` };
const password = 'user-password-1';

/** One REST call with token; {status, body}. */
async function call(method, path, body, token) {
  const headers = { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(token ? { Authorization: 'Bearer ' + token } : {}) };
  const res = await fetch(url + '/api/v1' + path, { method, headers,
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
/** A call that must succeed; its body. */
async function ok(method, path, body, token) {
  const r = await call(method, path, body, token);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r.body;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.setDefaultTimeout(wait_ms);
const watch = console_watch(page);
const tid = (id, extra = '') => `[data-testid="${id}"]${extra}`;
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
const text = (sel) => page.textContent(sel).then((t) => t.trim());
const count = (sel) => page.$$eval(sel, (els) => els.length);
const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('auraos.session')));

/** Opens #/HASH and waits for view `view` to show its data. */
async function open(hash, view, label = hash) {
  watch.set_view(label);
  await page.evaluate((h) => { location.hash = h; }, '#/' + hash);
  await page.waitForSelector(tid('view-' + view, '[data-ready="true"]'));
}

/** Signs in on the login page (to the overview: the page keeps the address it had); waits for
 *  the overview's data. */
async function sign_in(username, pass) {
  await page.waitForSelector(tid('view-sign-in'));
  await page.evaluate(() => { location.hash = '#/overview'; });
  await page.fill(tid('sign-in-username'), username);
  await page.fill(tid('sign-in-password'), pass);
  await page.click(tid('sign-in-submit'));
  await page.waitForSelector(tid('view-overview', '[data-ready="true"]'));
}

// --- the API side ------------------------------------------------------------------------------
const made = {};
await check('users, a custom role, a workflow, executions and a task are set up as the admin', async () => {
  made.admin = (await ok('POST', '/auth/token', { username: 'admin', password: admin_password })).accessToken;
  await ok('POST', '/users', { username: users.viewer, password, role: 'viewer' }, made.admin);
  await ok('PUT', `/roles/reader-${tag}`, { permissions: ['workflow:read'] }, made.admin);
  await ok('POST', '/users', { username: users.watcher, password, role: `reader-${tag}` }, made.admin);
  made.workflow = await ok('POST', '/workflows', { name: `UI auth wait ${tag}`,
    nodes: [{ id: 'sleep', type: 'delay', config: { seconds: 3600 } }, { id: 'wake', type: 'noop' }],
    connections: [{ from: 'sleep', to: 'wake' }] }, made.admin);
  const start = () => ok('POST', `/workflows/${made.workflow.id}/executions`, { input: {} }, made.admin);
  made.to_cancel = await start();
  made.waiting = await start();
  made.task = `echo-${tag}`;
  await ok('POST', '/tasks', { id: made.task, name: made.task, type: 'shell', config: { command: 'echo hi' } }, made.admin);
  const anonymous = await call('GET', '/workflows');
  expect(anonymous.status === 401, `an anonymous GET /workflows answers ${anonymous.status}`);
});

// --- the login page ----------------------------------------------------------------------------
await check('the login page is shown and nothing else', async () => {
  watch.set_view('sign-in (expected 401)');
  await page.goto(url + '/#/overview');
  await page.waitForSelector(tid('view-sign-in'));
  expect(await count(tid('nav-overview')) === 0, 'the navigation is shown before signing in');
  expect(await count(tid('view-overview')) === 0, 'the overview is shown before signing in');
  expect(await stored() === null, 'a session is stored before signing in');
  await shot('sign-in');
});

await check('a wrong password shows the node\'s refusal', async () => {
  await page.fill(tid('sign-in-username'), 'admin');
  await page.fill(tid('sign-in-password'), 'not the password');
  await page.click(tid('sign-in-submit'));
  const msg = await text(tid('sign-in-error'));
  expect(/401/.test(msg) && /sign-in refused: wrong username or password/.test(msg), `shown: ${msg}`);
  expect(await count(tid('view-sign-in')) === 1, 'the login page is gone');
  await shot('sign-in-refused');
});

// --- the admin ---------------------------------------------------------------------------------
await check('the admin signs in: name, role, the overview\'s data and the live stream', async () => {
  watch.set_view('admin');
  await sign_in('admin', admin_password);
  made.first_token = (await stored()).access;
  expect(await text(tid('user-name')) === 'admin', `name shown: ${await text(tid('user-name'))}`);
  expect(await text(tid('user-role')) === 'admin', `role shown: ${await text(tid('user-role'))}`);
  await page.waitForSelector(tid('overview-node-row'));
  await until(async () => (await text(tid('live-status'))) === 'live', wait_ms, 'the live status reaches live');
  await shot('signed-in-admin');
});

await check('the live stream updates the page while signed in', async () => {
  const t0 = Date.now();
  const started = await ok('POST', `/workflows/${made.workflow.id}/executions`, { input: {} }, made.admin);
  await page.waitForSelector(tid('live-activity-item', `[data-id="${started.id}"]`), { timeout: 5000 });
  await ok('POST', `/executions/${started.id}/cancel`, undefined, made.admin);
  return `${Date.now() - t0} ms`;
});

await check('the admin sees Start, Cancel and the task actions', async () => {
  await open(`workflows/${made.workflow.id}`, 'workflow');
  await page.waitForSelector(tid('start-submit'));
  await open(`executions/${made.waiting.id}`, 'execution');
  expect(!(await page.isDisabled(tid('action-cancel'))), 'Cancel is disabled on a running execution');
  await open('tasks', 'tasks');
  await page.waitForSelector(tid('task-row', `[data-task="${made.task}"] ${tid('task-start')}`));
});

await check('Cancel from the page: the API says cancelled and the timeline shows it live', async () => {
  await open(`executions/${made.to_cancel.id}`, 'execution');
  await page.click(tid('action-cancel'));
  await page.click(tid('confirm-ok'));
  await until(async () => (await ok('GET', `/executions/${made.to_cancel.id}`, undefined, made.admin)).status === 'cancelled',
    wait_ms, 'the API says cancelled');
  await page.waitForSelector(tid('timeline-item', '[data-kind="execution_cancelled"]'));
});

await check('the access token is renewed before it expires', async () => {
  await until(async () => (await stored()).access !== made.first_token, token_seconds * 1000 + 5000,
    'the stored access token changes');
  const me = await ok('GET', '/auth/me', undefined, (await stored()).access);
  expect(me.authenticated && me.username === 'admin', `the renewed token is for ${me.username}`);
  await open('executions', 'executions', 'admin after renewal');  // leaving an execution reconnects the stream
  await until(async () => (await text(tid('live-status'))) === 'live', wait_ms, 'the live stream is live after the renewal');
  return `lifetime ${token_seconds} s`;
});

await check('a revoked access token is renewed on its 401', async () => {
  const revoked = (await stored()).access;
  const r = await call('POST', '/auth/revoke', undefined, revoked);
  expect(r.status === 204, `revoke answered ${r.status}`);
  await until(async () => (await call('GET', '/auth/me', undefined, revoked)).status === 401, 3000, 'the node refuses the revoked token');
  await open('workflows', 'workflows', 'admin after revocation (expected 401)');
  await page.waitForSelector(tid('workflow-row'));
  expect((await stored()).access !== revoked, 'the page still holds the revoked token');
  expect(await count(tid('view-sign-in')) === 0, 'the page went back to the login page');
});

await check('a reload keeps the session', async () => {
  watch.set_view('admin reload');
  await page.reload();
  await page.waitForSelector(tid('view-workflows', '[data-ready="true"]'));
  expect(await text(tid('user-name')) === 'admin', 'the name is gone after a reload');
});

await check('sign out returns to the login page and the node refuses both tokens', async () => {
  const before = await stored();
  watch.set_view('sign-out');
  await page.click(tid('sign-out'));
  await page.waitForSelector(tid('view-sign-in'));
  expect(/signed out/i.test(await text(tid('sign-in-notice'))), 'no "signed out" notice');
  expect(await stored() === null, 'the session is still stored');
  const renewed = await call('POST', '/auth/token', { refreshToken: before.refresh });
  expect(renewed.status === 401, `the refresh token still renews: ${renewed.status}`);
  await until(async () => (await call('GET', '/auth/me', undefined, before.access)).status === 401, 3000,
    'the node refuses the access token');
});

// --- the viewer --------------------------------------------------------------------------------
await check('the viewer signs in: name and role, data shown, no actions, narrow window fits', async () => {
  watch.set_view('viewer');
  await sign_in(users.viewer, password);
  expect(await text(tid('user-name')) === users.viewer, 'the viewer\'s name is not shown');
  expect(await text(tid('user-role')) === 'viewer', `role shown: ${await text(tid('user-role'))}`);
  await page.waitForSelector(tid('overview-node-row'));
  await until(async () => (await text(tid('live-status'))) === 'live', wait_ms, 'the live status reaches live');
  await open(`workflows/${made.workflow.id}`, 'workflow', 'viewer');
  expect(await count(tid('start-submit')) === 0, 'Start is shown to the viewer');
  expect(/viewer\) cannot start executions/.test(await text(tid('not-allowed'))), 'no note in place of Start');
  await shot('viewer-workflow');
  await open(`executions/${made.waiting.id}`, 'execution', 'viewer');
  await page.waitForSelector(tid('execution-status'));
  expect(await count(tid('execution-actions')) === 0, 'Pause/Resume/Cancel are shown to the viewer');
  await open('tasks', 'tasks', 'viewer');
  await page.waitForSelector(tid('task-row', `[data-task="${made.task}"]`));
  expect(await count(tid('task-start')) === 0, 'Start… is shown to the viewer');
  expect(await count(tid('start-task')) === 0, 'the start form is shown to the viewer');
  await page.setViewportSize({ width: 400, height: 800 });
  await open('overview', 'overview', 'viewer');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(over <= 1, `at 400 px the page is ${over} px wider than the window`);
  await shot('viewer-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.click(tid('sign-out'));
  await page.waitForSelector(tid('view-sign-in'));
});

await check('a role with workflow:read only sees notes for the rest, not failures', async () => {
  watch.set_view('reader');
  await sign_in(users.watcher, password);
  expect(await text(tid('user-role')) === `reader-${tag}`, 'the custom role is not shown');
  expect(await text(tid('live-status')) === 'off', `the live status is ${await text(tid('live-status'))}`);
  await page.waitForSelector(`${tid('view-overview')} ${tid('not-allowed')}`);
  await open('tasks', 'tasks', 'reader');
  expect(/cannot see tasks/.test(await text(tid('not-allowed'))), 'no note on the tasks view');
  await shot('reader-tasks');
  await open('executions', 'executions', 'reader');
  await page.waitForSelector(tid('execution-row', `[data-id="${made.waiting.id}"]`));
});

// The node answers 401 to /auth/me without a token (the login page), to a wrong password and
// to the revoked token (which the page then renews); 404 to the schedule of a task without one.
const expected = (e) => (e.view.includes('expected 401') && /status of 401/.test(e.text)) ||
  (/status of 404/.test(e.text) && /\/schedule$/.test(e.text));
await check('no console errors but the expected 401s', async () => {
  const errs = watch.errors.filter((e) => !expected(e));
  expect(errs.length === 0, errs.map((e) => `${e.view}: ${e.text}`).join(' | '));
});

await browser.close();
console.log(`${check_count()} checks, ${all_passed() ? 'all passed' : 'some FAILED'}; artifacts in ${artifacts}`);
process.exit(all_passed() ? 0 : 1);
