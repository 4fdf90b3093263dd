// The note shown in place of what the signed-in user's role does not allow.
import { html } from '../html.js';
import { role } from '../permissions.js';

/** <NotAllowed what verb/>: "Your role (viewer) cannot VERB WHAT." (verb default "see"). */
export function NotAllowed({ what, verb = 'see', needs }) {
  return html`<p class="muted" data-testid="not-allowed" title=${needs ? 'needs the permission ' + needs : undefined}>
    Your role (${role()}) cannot ${verb} ${what || 'this'}.</p>`;
}
