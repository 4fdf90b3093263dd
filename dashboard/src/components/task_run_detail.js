// One task run: status, times, attempts, worker and resources, input, output, error and its
// logs (followed while it is live), with Cancel and Retry; read again every 1.5 s until it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { use_poll } from '../hooks.js';
import { amounts, duration, span, time } from '../format.js';
import { Status } from './status.js';
import { ErrorBox, Loading } from './error_box.js';
import { JsonBlock } from './json_block.js';
import { TaskLogs } from './task_logs.js';
import { TaskRunActions, run_ended } from './task_run_actions.js';

const poll_ms = 1500;

function Facts({ r, link, now }) {
  return html`<dl class="details" data-testid="task-run-facts">
    <dt>Task</dt><dd>${r.taskId} · queue <span class="mono">${r.queue}</span> · priority ${r.priority}</dd>
    <dt>Attempts</dt><dd data-testid="task-run-attempts">${r.attempts}${r.nextAttemptAt ? ` · next ${time(r.nextAttemptAt)}` : ''}</dd>
    <dt>Queued</dt><dd>${time(r.queuedAt)}</dd>
    <dt>Started</dt><dd>${time(r.startedAt)}</dd>
    <dt>Ended</dt><dd>${time(r.completedAt)}</dd>
    <dt>Duration</dt><dd>${duration(span(r.startedAt, r.completedAt, now))}${run_ended(r.status) ? '' : ' so far'}</dd>
    <dt>Worker</dt><dd data-testid="task-run-worker">${r.worker || '–'}</dd>
    <dt>Resources</dt><dd data-testid="task-run-resources">${amounts(r.resourceAllocation)}</dd>
    ${r.retryOf && html`<dt>Retry of</dt><dd><a href=${link(r.retryOf)} class="mono">${r.retryOf}</a></dd>`}
    ${r.scheduleTime && html`<dt>Scheduled for</dt><dd>${time(r.scheduleTime)}</dd>`}
    ${r.executionId && html`<dt>Started by</dt><dd>node <span class="mono">${r.nodeId}</span> of${' '}
      <a href=${href(['executions', r.executionId])} class="mono">${r.executionId}</a></dd>`}
    ${r.batchId && html`<dt>Batch</dt><dd class="mono">${r.batchId}</dd>`}
  </dl>`;
}

/** <TaskRunDetail id link now onRetried onClose/>: link(id) is a run's address; onRetried(run)
 *  shows the new run of a retry. */
export function TaskRunDetail({ id, link, now, onRetried, onClose }) {
  const [live, set_live] = useState(false);
  const run = use_poll((s) => api.taskRun(id, s), [id], live ? poll_ms : null);
  const shown = run.data;
  useEffect(() => set_live(!!shown && !run_ended(shown.status)), [shown && shown.status]);
  const box = useRef(null);
  useEffect(() => { box.current.scrollIntoView({ block: 'nearest' }); }, []);
  const done = (verb, answer) => (verb === 'retry' ? onRetried(answer) : run.reload());
  return html`<section class="card" ref=${box} data-testid="task-run-detail" data-id=${id}
      data-ready=${shown ? 'true' : 'false'} aria-labelledby="task-run-title">
    <div class="row spread"><h2 id="task-run-title">Run <span class="mono">${id}</span></h2>
      <button type="button" onClick=${onClose} data-testid="task-run-close">Close</button></div>
    <${ErrorBox} error=${run.error} what=${'run ' + id}/>
    ${!shown && run.loading && html`<${Loading} what="the run"/>`}
    ${shown && html`<div>
      <p>Status <${Status} value=${shown.status} testid="task-run-status"/></p>
      <${TaskRunActions} run=${shown} onDone=${done}/>
      <${Facts} r=${shown} link=${link} now=${now}/>
      ${shown.error && html`<h3>Error</h3><${JsonBlock} value=${shown.error} testid="task-run-error"/>`}
      <div class="grid2">
        <div><h3>Input</h3><${JsonBlock} value=${shown.input} testid="task-run-input"/></div>
        <div><h3>Output</h3><${JsonBlock} value=${shown.output} testid="task-run-output"/></div>
      </div>
      <h3>Logs</h3><${TaskLogs} id=${id} live=${live}/>
    </div>`}
  </section>`;
}
