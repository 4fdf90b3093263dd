// The task pool: capacity and use per resource (cpu, memoryMiB, custom), workers, and per
// queue its waiting runs by priority (highest first), delayed, claimable and running runs.
import { html } from '../html.js';
import { amounts, resource_names } from '../format.js';

/** Waiting runs by priority, highest first: [[priority, count]]. */
export function by_priority(depth) {
  return Object.entries(depth || {}).map(([p, n]) => [Number(p), n]).sort((a, b) => b[0] - a[0]);
}

function Meter({ used, total }) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  return html`<span class="meter" role="img" aria-label=${`${Math.round(share * 100)} % in use`}>
    <span style=${`width:${(share * 100).toFixed(1)}%`} class=${share >= 1 ? 'full' : ''}></span></span>`;
}

function Pool({ pool }) {
  const names = resource_names(pool.capacity, pool.inUse);
  const n = (m, k) => +((m || {})[k] || 0).toFixed(3);
  return html`<table class="table compact" data-testid="task-pool">
    <caption>Workers: ${pool.running} of ${pool.workers} running · a waiting run gains a priority
      level every ${pool.agingSeconds} s</caption>
    <thead><tr><th>Resource</th><th class="num">In use</th><th class="num">Capacity</th><th>Use</th></tr></thead>
    <tbody>${names.map((r) => html`<tr key=${r} data-testid="pool-resource" data-resource=${r}
        data-in-use=${n(pool.inUse, r)} data-capacity=${n(pool.capacity, r)}>
      <td>${r}</td><td class="num">${n(pool.inUse, r)}</td><td class="num">${n(pool.capacity, r)}</td>
      <td><${Meter} used=${n(pool.inUse, r)} total=${n(pool.capacity, r)}/></td></tr>`)}</tbody></table>`;
}

function Queue({ q }) {
  const depth = by_priority(q.depthByPriority);
  return html`<tr data-testid="task-queue-row" data-queue=${q.queue}>
    <td class="mono">${q.queue}</td>
    <td data-testid="queue-depth">${depth.length ? depth.map(([p, c], i) => html`<span key=${p}
      data-testid="queue-priority" data-priority=${p} data-count=${c}>${i ? ' · ' : ''}p${p}: ${c}</span>`) : '–'}</td>
    <td class="num" data-testid="queue-waiting">${q.waiting}</td>
    <td class="num" data-testid="queue-delayed">${q.delayed}</td>
    <td class="num" data-testid="queue-claimable">${q.claimable}</td>
    <td class="num" data-testid="queue-running">${q.running}</td>
    <td data-testid="queue-in-use">${amounts(q.inUse)}</td></tr>`;
}

/** <TaskQueues pool/>: the answer of GET /api/v1/task-queues. */
export function TaskQueues({ pool }) {
  return html`<div class="grid2">
    <div class="scroll"><${Pool} pool=${pool}/></div>
    <div class="scroll">${pool.queues.length === 0
      ? html`<p class="muted" data-testid="task-queues-empty">No queue has had a run yet.</p>`
      : html`<table class="table compact" data-testid="task-queues">
        <thead><tr><th>Queue</th><th>Waiting by priority</th><th class="num">Waiting</th><th class="num">Delayed</th>
          <th class="num">Claimable</th><th class="num">Running</th><th>In use</th></tr></thead>
        <tbody>${pool.queues.map((q) => html`<${Queue} key=${q.queue} q=${q}/>`)}</tbody></table>`}</div>
  </div>`;
}
