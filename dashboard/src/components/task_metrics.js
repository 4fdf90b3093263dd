// One task's figures (GET /api/v1/tasks/{id}/metrics): runs by status, success rate, duration
// and queue wait percentiles.
import { html } from '../html.js';
import { duration } from '../format.js';

const triple = (p) => `${duration(p?.p50)} / ${duration(p?.p95)} / ${duration(p?.p99)}`;

/** <TaskMetrics m/>. */
export function TaskMetrics({ m }) {
  const r = m.runs || {};
  const rate = m.successRate === null || m.successRate === undefined ? '–' : (m.successRate * 100).toFixed(1) + ' %';
  return html`<dl class="details" data-testid="task-metrics">
    <dt>Runs</dt><dd><span data-testid="task-metrics-total">${r.total}</span> · queued ${r.queued} ·
      running ${r.running} · completed ${r.completed} · failed ${r.failed} · cancelled ${r.cancelled}</dd>
    <dt>Success rate</dt><dd>${rate}</dd>
    <dt>Duration p50 / p95 / p99</dt><dd>${triple(m.durationMs)}</dd>
    <dt>Queue wait p50 / p95 / p99</dt><dd>${triple(m.queueWaitMs)}</dd>
  </dl>`;
}
