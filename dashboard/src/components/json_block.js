// A JSON value as an indented, scrollable block.
import { html } from '../html.js';
import { json } from '../format.js';

/** <JsonBlock value=${v} testid="execution-input"/>. */
export function JsonBlock({ value, testid, label }) {
  return html`<pre class="json" data-testid=${testid} tabindex="0" aria-label=${label}>${
    value === undefined ? '–' : json(value)}</pre>`;
}
