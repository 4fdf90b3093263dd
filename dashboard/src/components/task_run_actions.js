// Cancel and retry of one task run, each after a confirmation; the node's refusal (409 when
// the run ended meanwhile, ...) is shown under the buttons.
import { html } from '../html.js';
import { api } from '../api.js';
import { can } from '../permissions.js';
import { ConfirmedActions } from './confirmed_actions.js';

/** Whether a run in status s has ended. */
export const run_ended = (s) => ['completed', 'failed', 'cancelled', 'timed_out'].includes(s);

const verbs = {
  cancel: { label: 'Cancel run', danger: true, allowed: (s) => !run_ended(s),
    text: 'A waiting run leaves its queue; a running attempt is stopped (a shell command is killed). The run ends as cancelled.' },
  retry: { label: 'Retry', allowed: run_ended,
    text: 'A new run of the same task with the same input is queued, linked to this one by retryOf.' },
};

/** <TaskRunActions run onDone(verb, answer)/>: answer is the run (cancel) or the new run (retry);
 *  nothing for a role without task:write. */
export function TaskRunActions({ run, onDone }) {
  if (!can('task:write')) return null;
  return html`<${ConfirmedActions} verbs=${verbs} status=${run.status} prefix="task-action"
    subject=${html`Run <span class="mono">${run.id}</span> of task <strong>${run.taskId}</strong> is ${run.status}.`}
    act=${(verb) => api.taskRunControl(run.id, verb)} onDone=${onDone}/>`;
}
