// Pause, resume and cancel of one execution, each after a confirmation; the API's refusal
// (409 when the state does not allow it, ...) is shown under the buttons.
import { html } from '../html.js';
import { api } from '../api.js';
import { can } from '../permissions.js';
import { ConfirmedActions } from './confirmed_actions.js';

const terminal = ['completed', 'failed', 'cancelled', 'timed_out'];
const verbs = {
  pause: { label: 'Pause', text: 'No new node starts; running attempts finish and timers keep their deadlines.',
    allowed: (s) => s === 'running' || s === 'pending' },
  resume: { label: 'Resume', text: 'The execution continues where it stopped.', allowed: (s) => s === 'paused' },
  cancel: { label: 'Cancel execution', danger: true, text: 'Running attempts are stopped (a shell command is killed) and the execution ends as cancelled. This cannot be undone.',
    allowed: (s) => !terminal.includes(s) },
};

/** <ExecutionActions execution onDone(updated)/>; nothing for a role without execution:control. */
export function ExecutionActions({ execution, onDone }) {
  if (!can('execution:control')) return null;
  return html`<${ConfirmedActions} verbs=${verbs} status=${execution.status} prefix="action"
    testid="execution-actions"
    subject=${html`Execution <span class="mono">${execution.id}</span> is ${execution.status}.`}
    act=${(verb) => api.control(execution.id, verb)} onDone=${(_, updated) => onDone(updated)}/>`;
}
