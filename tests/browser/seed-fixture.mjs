// Seeds a running node with the data the browser test expects and writes the fixture file.
// For running dashboard.test.mjs by hand (the Boost harness seeds its own node):
//   node tests/browser/seed-fixture.mjs http://127.0.0.1:18080 /tmp/fixture.json [SEEDED=200]
import { writeFileSync } from 'node:fs';
import { api_client, until } from './harness.mjs';

const [base, out, seeded = '200'] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node seed-fixture.mjs NODE_URL FIXTURE_OUT [SEEDED_EXECUTIONS]');
  process.exit(2);
}
const api = api_client(base.replace(/\/$/, ''));
const suffix = Date.now().toString(36);
const defs = {
  shell: { name: `UI shell echo ${suffix}`, nodes: [
    { id: 'say', type: 'shell', config: { command: 'echo hello from the dashboard test' } },
    { id: 'shape', type: 'transform', config: { output: { said: '${nodes.say.output.stdout}' } } }],
  connections: [{ from: 'say', to: 'shape' }] },
  flaky: { name: `UI flaky ${suffix}`, nodes: [
    { id: 'flaky', type: 'shell', config: { command: 'echo out; echo boom >&2; exit 3' },
      retry: { maxAttempts: 3, initialIntervalSeconds: 0.1, jitter: 'none' } },
    { id: 'after', type: 'noop' }],
  connections: [{ from: 'flaky', to: 'after' }] },
  wait: { name: `UI long timer ${suffix}`, nodes: [
    { id: 'sleep', type: 'delay', config: { seconds: 3600 } }, { id: 'wake', type: 'noop' }],
  connections: [{ from: 'sleep', to: 'wake' }] },
  order: { name: `UI order fulfilment ${suffix}`,
    variables: [{ name: 'amount', type: 'number', default: 12 }],
    nodes: [
      { id: 'charge', type: 'shell', config: { command: ['sh', '-c', 'echo \'{"ok":true}\''] } },
      { id: 'ship', type: 'transform', config: { output: { shipped: '${nodes.charge.output.json.ok}' } } },
      { id: 'refund', type: 'shell', config: { command: 'echo refund' } },
      { id: 'notify', type: 'noop', join: 'any' }],
    connections: [
      { from: 'charge', to: 'ship', when: 'vars.amount > 0' },
      { from: 'charge', to: 'refund', on: 'error' },
      { from: 'ship', to: 'notify' },
      { from: 'refund', to: 'notify', on: 'always' }] },
};
const wf = {};
for (const [k, d] of Object.entries(defs)) wf[k] = await api.post('/workflows', d);
const start = (k, input = {}) => api.post(`/workflows/${encodeURIComponent(wf[k].id)}/executions`, { input });
const ended = async (id) => {
  const e = await api.get('/executions/' + encodeURIComponent(id));
  return ['completed', 'failed', 'cancelled', 'timed_out'].includes(e.status) && e;
};
const completed = await start('shell');
const failed = await start('flaky');
const waiting = await start('wait');
await until(() => ended(completed.id), 20000, 'the shell execution ends');
await until(() => ended(failed.id), 20000, 'the flaky execution ends');
for (let i = 0; i < Number(seeded); i++) await start(i % 2 ? 'order' : 'shell');
const tree = await api.get('/supervision');
const names = JSON.stringify(tree);
const crash = ['timers', 'store', 'executions-service'].find((n) => names.includes(`"name":"${n}"`));
const fixture = {
  workflows: Object.values(wf).map((w) => ({ id: w.id, name: w.name })),
  executions: { completed: completed.id, failed: failed.id, waiting: waiting.id },
  crashActor: crash, startWorkflow: wf.order.id, seededExecutions: Number(seeded) + 3,
};
writeFileSync(out, JSON.stringify(fixture, null, 2) + '\n');
console.log(JSON.stringify(fixture));
