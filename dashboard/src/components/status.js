// A status shown as a coloured badge (executions, nodes, actors, cluster members).
import { html } from '../html.js';

/** <Status value="running"/>: the word, coloured by its class. */
export function Status({ value, testid }) {
  const v = value || 'unknown';
  return html`<span class=${'status s-' + v} data-testid=${testid}>${v.replace('_', ' ')}</span>`;
}
