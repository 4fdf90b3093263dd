// A workflow definition drawn as its graph: dagre lays out the nodes and connections, SVG
// draws them. Nodes show id, type and join; connections their `on` and `when`; an optional
// status map colours the nodes (an execution's view).
import { useMemo } from 'preact/hooks';
import { graphlib, layout } from '@dagrejs/dagre';
import { html } from '../html.js';

const node_w = 168;
const node_h = 58;
const char_w = 6.4;

function edge_label(c) {
  const parts = [];
  if (c.on && c.on !== 'success') parts.push(c.on);
  if (c.when) parts.push('when ' + (c.when.length > 40 ? c.when.slice(0, 39) + '…' : c.when));
  return parts.join(' · ');
}

function join_of(node, incoming) {
  if (node.join) return node.join;
  return incoming > 1 ? 'all-settled' : null;
}

/** Lays out a definition: {width, height, nodes: [{id, type, x, y, join}], edges: [...]}. */
export function layout_definition(def, rankdir = 'LR') {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir, nodesep: 28, ranksep: 56, edgesep: 12, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes = def.nodes || [];
  const conns = (def.connections || []).filter((c) => c && c.from && c.to);
  const incoming = {};
  for (const c of conns) incoming[c.to] = (incoming[c.to] || 0) + 1;
  for (const n of nodes) g.setNode(n.id, { width: node_w, height: node_h });
  conns.forEach((c, i) => {
    if (!g.hasNode(c.from) || !g.hasNode(c.to)) return;
    const label = edge_label(c);
    g.setEdge(c.from, c.to, { label, width: label.length * char_w, height: label ? 14 : 0,
      labelpos: 'c' }, String(i));
  });
  layout(g);
  const out_nodes = nodes.map((n) => ({ ...g.node(n.id), id: n.id, type: n.type, name: n.name,
    join: join_of(n, incoming[n.id] || 0) }));
  const edges = conns.map((c, i) => {
    const e = g.edge(c.from, c.to, String(i));
    return e && { ...e, on: c.on || 'success', key: i, from: c.from, to: c.to };
  }).filter(Boolean);
  const gl = g.graph();
  return { width: gl.width || node_w, height: gl.height || node_h, nodes: out_nodes, edges };
}

function path_of(points) {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

function Edge({ e }) {
  return html`<g class=${'edge on-' + e.on} data-testid="graph-edge" data-from=${e.from}
      data-to=${e.to}>
    <path d=${path_of(e.points)} marker-end="url(#arrow)"/>
    ${e.label && html`<text x=${e.x} y=${e.y + 4} text-anchor="middle" class="edge-label"
      data-testid="graph-edge-label">${e.label}</text>`}
  </g>`;
}

function Node({ n, status, onSelect, selected }) {
  const x = n.x - node_w / 2;
  const y = n.y - node_h / 2;
  const cls = 'gnode' + (status ? ' st-' + status : '') + (selected ? ' selected' : '');
  const title = `${n.id} (${n.type})${status ? ': ' + status : ''}${n.join ? ', join ' + n.join : ''}`;
  const select = onSelect && (() => onSelect(n.id));
  const key = onSelect && ((ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(); } });
  return html`<g class=${cls} data-testid="graph-node" data-node=${n.id} data-status=${status}
      tabindex=${onSelect ? 0 : undefined} role=${onSelect ? 'button' : undefined}
      aria-label=${title} onClick=${select} onKeyDown=${key}>
    <title>${title}</title>
    <rect x=${x} y=${y} width=${node_w} height=${node_h} rx="6"/>
    <text x=${x + 10} y=${y + 20} class="gnode-id">${n.id.length > 22 ? n.id.slice(0, 21) + '…' : n.id}</text>
    <text x=${x + 10} y=${y + 36} class="gnode-type">${n.type}${status ? ' · ' + status : ''}</text>
    ${n.join && html`<text x=${x + 10} y=${y + 50} class="gnode-join" data-testid="graph-join">⋈ join ${n.join}</text>`}
  </g>`;
}

/** <Graph definition statuses={id: status} onSelect selected/>: the SVG drawing. */
export function Graph({ definition, statuses, onSelect, selected }) {
  const lay = useMemo(() => {
    try { return layout_definition(definition || {}); } catch (e) { return { error: e }; }
  }, [definition]);
  if (lay.error) return html`<p class="error-box">The graph could not be laid out: ${lay.error.message}</p>`;
  return html`<div class="graph-wrap" data-testid="graph">
    <svg viewBox=${`0 0 ${lay.width} ${lay.height}`} width=${lay.width} height=${lay.height}
        role="group" aria-label=${`Graph of ${lay.nodes.length} nodes`}>
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"
        markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
      ${lay.edges.map((e) => html`<${Edge} key=${e.key} e=${e}/>`)}
      ${lay.nodes.map((n) => html`<${Node} key=${n.id} n=${n} status=${statuses && statuses[n.id]}
        onSelect=${onSelect} selected=${selected === n.id}/>`)}
    </svg>
  </div>`;
}
