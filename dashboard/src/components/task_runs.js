// Tables of task runs: the running ones with their worker and resources, and the history
// (newest first) with status, attempts and times. A run's id selects it (its detail opens).
import { html } from '../html.js';
import { amounts, duration, span, time } from '../format.js';
import { Status } from './status.js';

function RunLink({ r, link, selected }) {
  return html`<a href=${link(r.id)} class="mono" data-testid="task-run-link"
    aria-current=${selected === r.id ? 'true' : undefined}>${r.id.slice(0, 8)}</a>`;
}

/** <RunningRuns runs link selected now/>: the runs holding resources now. */
export function RunningRuns({ runs, link, selected, now }) {
  if (!runs.length) return html`<p class="muted" data-testid="task-running-empty">No run is running.</p>`;
  return html`<div class="scroll"><table class="table compact" data-testid="task-running">
    <thead><tr><th>Run</th><th>Task</th><th>Started</th><th class="num">Running for</th>
      <th class="num">Attempt</th><th>Worker</th><th>Resources</th></tr></thead>
    <tbody>${runs.map((r) => html`<tr key=${r.id} data-testid="task-running-row" data-id=${r.id}
        class=${selected === r.id ? 'selected' : ''}>
      <td><${RunLink} r=${r} link=${link} selected=${selected}/></td><td>${r.taskId}</td>
      <td>${time(r.startedAt)}</td><td class="num">${duration(span(r.startedAt, null, now))}</td>
      <td class="num">${r.attempts}</td><td data-testid="task-running-worker">${r.worker || '–'}</td>
      <td data-testid="task-running-resources">${amounts(r.resourceAllocation)}</td></tr>`)}</tbody>
  </table></div>`;
}

/** <RunHistory runs link selected now/>: a page of runs, newest first. */
export function RunHistory({ runs, link, selected, now }) {
  return html`<div class="scroll"><table class="table compact" data-testid="task-history">
    <thead><tr><th>Run</th><th>Task</th><th>Status</th><th class="num">Attempts</th><th>Queued</th>
      <th>Started</th><th>Ended</th><th class="num">Duration</th><th>Worker</th></tr></thead>
    <tbody>${runs.map((r) => html`<tr key=${r.id} data-testid="task-run-row" data-id=${r.id}
        data-status=${r.status} class=${selected === r.id ? 'selected' : ''}>
      <td><${RunLink} r=${r} link=${link} selected=${selected}/></td><td>${r.taskId}</td>
      <td><${Status} value=${r.status}/></td><td class="num">${r.attempts}</td>
      <td>${time(r.queuedAt)}</td><td>${time(r.startedAt)}</td><td>${time(r.completedAt)}</td>
      <td class="num">${duration(span(r.startedAt, r.completedAt, now))}</td><td>${r.worker || '–'}</td></tr>`)}
    </tbody></table></div>`;
}
