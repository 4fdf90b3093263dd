// Starting a workflow or a task: a JSON editor for the input, checked locally as it is typed;
// the API's refusal (4xx: message and every detail) is shown beside it.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { can } from '../permissions.js';
import { ErrorBox } from './error_box.js';
import { NotAllowed } from './not_allowed.js';

function initial_input(def) {
  const input = {};
  for (const v of (def && def.variables) || []) if (v.default !== undefined) input[v.name] = v.default;
  return JSON.stringify(input, null, 2);
}

function check(text) {
  if (!text.trim()) return { value: null };
  try { return { value: JSON.parse(text) }; } catch (e) { return { error: e.message }; }
}

/** <JsonStart initial hint start link disabled/>: start(input) answers the started {id, status},
 *  link(started) its address; disabled keeps Start off (e.g. nothing chosen to start). */
export function JsonStart({ initial = '{}', hint, start, link, disabled }) {
  const [text, set_text] = useState(initial);
  const [busy, set_busy] = useState(false);
  const [error, set_error] = useState(null);
  const [started, set_started] = useState(null);
  const parsed = check(text);
  const submit = async (ev) => {
    ev.preventDefault();
    if (parsed.error || disabled) return;
    set_busy(true); set_error(null); set_started(null);
    try { set_started(await start(parsed.value)); } catch (e) { set_error(e); }
    set_busy(false);
  };
  return html`<form onSubmit=${submit} data-testid="start-form" class="stack">
    <label for="start-input">Input (JSON)</label>
    ${hint && html`<p class="muted small">${hint}</p>`}
    <textarea id="start-input" rows="6" spellcheck="false" class="mono" value=${text}
      aria-invalid=${parsed.error ? 'true' : 'false'} aria-describedby="start-json-error"
      onInput=${(e) => set_text(e.currentTarget.value)} data-testid="start-input"></textarea>
    <p id="start-json-error" class=${parsed.error ? 'bad small' : 'muted small'} data-testid="start-json-state"
      aria-live="polite">${parsed.error ? 'Not valid JSON: ' + parsed.error : 'Valid JSON.'}</p>
    <div class="row"><button type="submit" class="primary" disabled=${busy || !!parsed.error || disabled}
      data-testid="start-submit">${busy ? 'Starting…' : 'Start'}</button></div>
    <${ErrorBox} error=${error} testid="start-error"/>
    ${started && html`<p class="ok" role="status" data-testid="start-result" data-id=${started.id}>
      Started <a href=${link(started)}>${started.id}</a> (${started.status}).</p>`}
  </form>`;
}

/** <StartForm workflow={id, definition}/>: starts an execution of the workflow (a note for a
 *  role without execution:start). */
export function StartForm({ workflow }) {
  if (!can('execution:start')) return html`<${NotAllowed} verb="start" what="executions" needs="execution:start"/>`;
  const vars = (workflow.definition && workflow.definition.variables) || [];
  const hint = vars.length > 0 && 'Variables: ' + vars.map((v) =>
    `${v.name}: ${v.type || 'any'}${v.required ? ' (required)' : ''}`).join(', ');
  return html`<${JsonStart} initial=${initial_input(workflow.definition)} hint=${hint}
    start=${(input) => api.start(workflow.id, input)} link=${(x) => href(['executions', x.id])}/>`;
}
