// Shows an API error (message, code, details) or any other failure in place of data.
import { html } from '../html.js';
import { NotAllowed } from './not_allowed.js';

/** <ErrorBox error=${e} what="the executions"/>; renders nothing without an error, and a short
 *  note for a read the role does not allow (not asked of the node: code not_permitted). */
export function ErrorBox({ error, what, testid = 'error' }) {
  if (!error) return null;
  if (error.code === 'not_permitted') return html`<${NotAllowed} what=${what} needs=${error.message}/>`;
  const status = error.status ? ` (${error.status} ${error.code || ''})` : '';
  return html`<div class="error-box" role="alert" data-testid=${testid}>
    <strong>${what ? `Could not load ${what}` : 'The node refused'}${status}:</strong>
    <span data-testid="error-message"> ${error.message}</span>
    ${error.details && error.details.length > 0 && html`<ul data-testid="error-details">
      ${error.details.map((d) => html`<li>${typeof d === 'string' ? d : JSON.stringify(d)}</li>`)}
    </ul>`}
  </div>`;
}

/** A short loading line while data is on its way. */
export function Loading({ what }) {
  return html`<p class="muted" aria-busy="true">Loading ${what}…</p>`;
}
