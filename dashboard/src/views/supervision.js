// Supervision: the live tree of supervisors and their children (strategy, status, restarts
// each supervisor's restart window against its intensity, last failure), replaced by each
// `supervision` event; an actor whose restart count grew is highlighted for a few seconds.
import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { use_fetch, use_stream } from '../hooks.js';
import { flatten, find } from '../supervision_tree.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';

const flash_ms = 4000;

function seconds(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

// A supervisor's restart window: how many of its allowed restarts the current window used.
function intensity_text(n) {
  const i = n.intensity;
  if (!i) return null;
  return `${i.recentRestarts ?? 0} of at most ${i.maxRestarts} restarts within ${seconds(i.periodMs)}` +
    ' (one more escalates to its parent)';
}

function window_badge(n) {
  const i = n.intensity;
  if (!i) return null;
  const used = i.recentRestarts ?? 0;
  const hot = used > 0 && used >= i.maxRestarts - 1;
  return html`<span class=${'restarts' + (hot ? ' some' : '')} data-testid="sup-intensity"
    title=${'restart intensity: ' + intensity_text(n)}>window ${used}/${i.maxRestarts} per ${seconds(i.periodMs)}</span>`;
}

const shown_children = 50;

function TreeNode({ node, path, selected, onSelect, flashing }) {
  const [all, set_all] = useState(false);
  const kids = all ? node.children || [] : (node.children || []).slice(0, shown_children);
  const hidden = (node.children || []).length - kids.length;
  const is_sel = selected === path;
  return html`<li>
    <button type="button" class=${'tnode' + (is_sel ? ' selected' : '') + (flashing.has(path) ? ' flash' : '')}
        aria-pressed=${is_sel ? 'true' : 'false'} onClick=${() => onSelect(path)}
        data-testid="sup-node" data-name=${node.name} data-path=${path} data-restarts=${node.restarts}>
      <span class="tname">${node.name}</span>
      <span class="muted small">${node.kind}${node.strategy ? ' · ' + node.strategy : ''}</span>
      <${Status} value=${node.status}/>
      <span class=${'restarts' + (node.restarts ? ' some' : '')} title="restarts"
        data-testid="sup-restarts">↻ ${node.restarts}</span>
      ${window_badge(node)}
    </button>
    ${kids.length > 0 && html`<ul>${kids.map((c) => html`<${TreeNode} key=${c.name}
      node=${c} path=${path + '/' + c.name} selected=${selected} onSelect=${onSelect} flashing=${flashing}/>`)}
      ${hidden > 0 && html`<li><button type="button" class="link" onClick=${() => set_all(true)}>
        Show ${hidden} more</button></li>`}</ul>`}
  </li>`;
}

function Details({ entry }) {
  if (!entry) return html`<p class="muted" data-testid="sup-details">Select an actor to see its details.</p>`;
  const n = entry.node;
  return html`<dl class="details" data-testid="sup-details" data-path=${entry.path}>
    <dt>Actor</dt><dd data-testid="sup-details-name">${n.name}</dd>
    <dt>Path</dt><dd>${entry.path}</dd>
    <dt>Kind</dt><dd>${n.kind}</dd>
    <dt>Strategy</dt><dd>${n.strategy || '–'}</dd>
    <dt>Status</dt><dd><${Status} value=${n.status}/></dd>
    <dt>Restarts</dt><dd data-testid="sup-details-restarts">${n.restarts}</dd>
    <dt>Intensity</dt><dd>${intensity_text(n) || (n.kind === 'supervisor' ? 'not reported by the node' : 'a worker: its supervisor counts its restarts')}</dd>
    <dt>Children</dt><dd>${(n.children || []).length}</dd>
    <dt>Last failure</dt><dd class="wrap" data-testid="sup-details-failure">${n.lastFailure || 'none'}</dd>
  </dl>`;
}

/** The supervision page. */
export function Supervision() {
  const tree = use_fetch((s) => api.supervision(s), []);
  const [selected, set_selected] = useState(null);
  const [flashing, set_flashing] = useState(new Set());
  const [updated, set_updated] = useState(null);
  const seen = useRef(null);
  const take = (t) => {
    const before = seen.current;
    const grew = before ? flatten(t).filter(({ path, node }) =>
      before.has(path) && node.restarts > before.get(path)).map((e) => e.path) : [];
    seen.current = new Map(flatten(t).map(({ path, node }) => [path, node.restarts]));
    if (grew.length) {
      set_flashing((f) => new Set([...f, ...grew]));
      setTimeout(() => set_flashing((f) => new Set([...f].filter((p) => !grew.includes(p)))), flash_ms);
    }
  };
  if (tree.data && !seen.current) take(tree.data);
  use_stream('supervision', (t) => { take(t); tree.set_data(() => t); set_updated(new Date()); });
  const entry = tree.data && selected ? find(tree.data, selected) : null;
  return html`<section data-testid="view-supervision" data-ready=${tree.data ? 'true' : 'false'}>
    <h1>Supervision</h1>
    <p class="muted">The live tree of this node's actors. ${updated
      ? `Last change received ${updated.toLocaleTimeString()}.` : 'Changes arrive as actors restart.'}</p>
    <${ErrorBox} error=${tree.error} what="the supervision tree"/>
    ${tree.loading && !tree.data && html`<${Loading} what="the tree"/>`}
    ${tree.data && html`<div class="split">
      <ul class="tree card" aria-label="Supervision tree" data-testid="sup-tree">
        <${TreeNode} node=${tree.data} path=${tree.data.name} selected=${selected}
          onSelect=${set_selected} flashing=${flashing}/></ul>
      <aside class="card"><h2>Details</h2><${Details} entry=${entry}/></aside>
    </div>`}
  </section>`;
}
