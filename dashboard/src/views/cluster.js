// Cluster: the members (status, incarnation, addresses, heartbeat, shards), the shard map
// (owner, epoch, lease expiry of every shard) and the moves, live from `cluster` events.
import { html } from '../html.js';
import { api } from '../api.js';
import { use_fetch, use_stream, use_throttle, use_now } from '../hooks.js';
import { age, time } from '../format.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';

/** A stable colour per owner name. */
function hue(name) {
  let h = 0;
  for (const c of name || '') h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

function Members({ c, now }) {
  return html`<table class="table" data-testid="cluster-nodes">
    <caption>${c.nodes.length} node(s), ${c.shards} shards; this node: ${c.self}</caption>
    <thead><tr><th>Node</th><th>Status</th><th class="num">Incarnation</th><th class="num">Shards</th>
      <th>Heartbeat</th><th>HTTP</th><th>Cluster</th><th>Started</th></tr></thead>
    <tbody>${c.nodes.map((n) => html`<tr key=${n.name} data-testid="cluster-node-row" data-node=${n.name}>
      <td><span class="swatch" style=${`--h:${hue(n.name)}`}></span>${n.name}</td>
      <td><${Status} value=${n.status}/></td><td class="num">${n.incarnation}</td>
      <td class="num" data-testid="cluster-node-shards">${n.shardCount}</td>
      <td title=${n.lastHeartbeatAt}>${age(n.lastHeartbeatAt, now)}</td>
      <td>${n.httpAddress || '–'}</td><td>${n.clusterAddress || '–'}</td><td>${time(n.startedAt)}</td></tr>`)}
    </tbody></table>`;
}

function Moves({ moves }) {
  if (!moves) return null;
  const last = moves.last;
  return html`<p data-testid="cluster-moves">Moves in progress: <strong>${moves.inProgress ?? 0}</strong>.
    ${last ? html` Last move: shard ${last.shard} from ${last.from || '(none)'} to ${last.to || '(none)'}
      (${last.reason}) at ${time(last.at)}.` : ' No move made by this node yet.'}</p>`;
}

function ShardMap({ shards }) {
  const owners = [...new Set(shards.map((s) => s.owner || '(free)'))].sort();
  return html`<div>
    <ul class="legend" aria-label="Owners">${owners.map((o) => html`<li key=${o}>
      <span class="swatch" style=${`--h:${hue(o)}`}></span>${o}: ${shards.filter((s) => (s.owner || '(free)') === o).length}</li>`)}</ul>
    <ol class="shards" data-testid="shard-map" aria-label="Shard map">
      ${shards.map((s) => html`<li key=${s.shard} class=${s.owner ? '' : 'free'} style=${`--h:${hue(s.owner || '(free)')}`}
        data-testid="shard" data-shard=${s.shard} data-owner=${s.owner || ''} data-epoch=${s.epoch}
        title=${`shard ${s.shard}: ${s.owner || 'no owner'}, epoch ${s.epoch}, lease ${s.expiresAt ? 'until ' + s.expiresAt : 'never expires'}`}>
        <span class="shard-n">${s.shard}</span><span class="shard-e">e${s.epoch}</span></li>`)}
    </ol></div>`;
}

/** The cluster page. */
export function Cluster() {
  const now = use_now(1000);
  const cluster = use_fetch((s) => api.cluster(s), []);
  const shards = use_fetch((s) => api.shards(s), []);
  const reload_shards = use_throttle(shards.reload, 1000);
  use_stream('cluster', (d) => { cluster.set_data(() => d); reload_shards(); });
  return html`<section data-testid="view-cluster" data-ready=${cluster.data && shards.data ? 'true' : 'false'}>
    <h1>Cluster</h1>
    <section class="card"><h2>Nodes</h2>
      <${ErrorBox} error=${cluster.error} what="the cluster"/>
      ${cluster.loading && !cluster.data && html`<${Loading} what="the nodes"/>`}
      ${cluster.data && html`<div class="scroll"><${Members} c=${cluster.data} now=${now}/></div><${Moves} moves=${cluster.data.moves}/>`}
    </section>
    <section class="card"><h2>Shard map</h2>
      <p class="muted small">Each cell is a shard, coloured by its owner; eN is the lease epoch (it grows with each move).</p>
      <${ErrorBox} error=${shards.error} what="the shard map"/>
      ${shards.loading && !shards.data && html`<${Loading} what="the shards"/>`}
      ${shards.data && html`<${ShardMap} shards=${shards.data}/>`}
    </section>
  </section>`;
}
