// Buttons that act only after a confirmation dialog naming what they do; the buttons a state
// does not allow are disabled, and the node's refusal is shown under them.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { Confirm } from './dialog.js';
import { ErrorBox } from './error_box.js';

/** <ConfirmedActions verbs status subject act onDone prefix/>: verbs {name: {label, text,
 *  allowed(status)}}; act(name) answers a promise passed to onDone(name, answer); subject is
 *  the dialog's first line; test ids are testid (default PREFIX-actions), PREFIX-NAME and
 *  PREFIX-error. */
export function ConfirmedActions({ verbs, status, subject, act, onDone, prefix, testid }) {
  const [verb, set_verb] = useState(null);
  const [busy, set_busy] = useState(false);
  const [error, set_error] = useState(null);
  const run = async () => {
    set_busy(true); set_error(null);
    try { onDone(verb, await act(verb)); } catch (e) { set_error(e); }
    set_busy(false); set_verb(null);
  };
  return html`<div class="actions" data-testid=${testid || prefix + '-actions'}>
    <div class="row">${Object.entries(verbs).map(([v, d]) => html`<button type="button" key=${v}
      class=${d.danger ? 'danger' : ''} disabled=${!d.allowed(status)}
      title=${d.allowed(status) ? '' : `not possible while ${status}`}
      onClick=${() => { set_error(null); set_verb(v); }} data-testid=${prefix + '-' + v}>${d.label}</button>`)}</div>
    <${ErrorBox} error=${error} testid=${prefix + '-error'}/>
    <${Confirm} open=${!!verb} busy=${busy} title=${verb ? `${verbs[verb].label}?` : ''}
      confirm_label=${verb ? verbs[verb].label : ''} onConfirm=${run} onCancel=${() => set_verb(null)}>
      <p>${subject}</p>
      <p>${verb && verbs[verb].text}</p>
    </${Confirm}>
  </div>`;
}
