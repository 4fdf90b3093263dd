// A correlation's causation tree ({id, children} from GET /api/v1/events/correlations/ID) drawn
// as an indented tree with connecting lines: each node links to its event, the current one is
// highlighted.
import { html } from '../html.js';
import { time } from '../format.js';
import { href } from '../router.js';

function Node({ node, parent, by_id, current }) {
  const e = by_id.get(node.id) || { id: node.id };
  const here = node.id === current;
  return html`<li data-testid="corr-node" data-id=${node.id} data-parent=${parent || ''}
      class=${here ? 'current' : undefined}>
    <span class="corr-item">
      ${here ? html`<strong aria-current="true">${e.type || node.id}</strong>`
        : html`<a href=${href(['events', node.id])}>${e.type || node.id}</a>`}
      <span class="muted small"> ${e.source || ''} · ${time(e.timestamp)} · <span class="mono">${node.id}</span></span>
    </span>
    ${node.children && node.children.length > 0 && html`<ul>${node.children.map((c) =>
      html`<${Node} key=${c.id} node=${c} parent=${node.id} by_id=${by_id} current=${current}/>`)}</ul>`}
  </li>`;
}

/** <CorrelationTree tree events current/>. */
export function CorrelationTree({ tree, events, current }) {
  const by_id = new Map((events || []).map((e) => [e.id, e]));
  if (!tree || !tree.length) return html`<p class="muted">No event in this correlation.</p>`;
  return html`<div class="scroll"><ul class="corr-tree" data-testid="corr-tree" aria-label="Causation tree">
    ${tree.map((n) => html`<${Node} key=${n.id} node=${n} parent=${null} by_id=${by_id} current=${current}/>`)}</ul></div>`;
}
