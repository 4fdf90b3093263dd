// Pause, resume and cancel of one execution, each after a confirmation; the API's refusal
// (409 when the state does not allow it, ...) is shown under the buttons.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { Confirm } from './dialog.js';
import { ErrorBox } from './error_box.js';

const terminal = ['completed', 'failed', 'cancelled', 'timed_out'];
const verbs = {
  pause: { label: 'Pause', text: 'No new node starts; running attempts finish and timers keep their deadlines.',
    allowed: (s) => s === 'running' || s === 'pending' },
  resume: { label: 'Resume', text: 'The execution continues where it stopped.', allowed: (s) => s === 'paused' },
  cancel: { label: 'Cancel execution', text: 'Running attempts are stopped (a shell command is killed) and the execution ends as cancelled. This cannot be undone.',
    allowed: (s) => !terminal.includes(s) },
};

/** <ExecutionActions execution onDone(updated)/>. */
export function ExecutionActions({ execution, onDone }) {
  const [verb, set_verb] = useState(null);
  const [busy, set_busy] = useState(false);
  const [error, set_error] = useState(null);
  const run = async () => {
    set_busy(true); set_error(null);
    try { onDone(await api.control(execution.id, verb)); } catch (e) { set_error(e); }
    set_busy(false); set_verb(null);
  };
  return html`<div class="actions" data-testid="execution-actions">
    <div class="row">${Object.entries(verbs).map(([v, d]) => html`<button type="button" key=${v}
      class=${v === 'cancel' ? 'danger' : ''} disabled=${!d.allowed(execution.status)}
      title=${d.allowed(execution.status) ? '' : `not possible while ${execution.status}`}
      onClick=${() => { set_error(null); set_verb(v); }} data-testid=${'action-' + v}>${d.label}</button>`)}</div>
    <${ErrorBox} error=${error} testid="action-error"/>
    <${Confirm} open=${!!verb} busy=${busy} title=${verb ? `${verbs[verb].label}?` : ''}
      confirm_label=${verb ? verbs[verb].label : ''} onConfirm=${run} onCancel=${() => set_verb(null)}>
      <p>Execution <span class="mono">${execution.id}</span> is ${execution.status}.</p>
      <p>${verb && verbs[verb].text}</p>
    </${Confirm}>
  </div>`;
}
