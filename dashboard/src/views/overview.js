// Overview: the cluster's nodes, executions by status, throughput and latency over the last
// hour, restarts and failures, and the executions the stream reports as they change.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { use_fetch, use_stream, use_throttle, use_now } from '../hooks.js';
import { age, time } from '../format.js';
import { total_restarts, failures } from '../supervision_tree.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Chart } from '../components/chart.js';
import { LiveActivity, use_live_activity } from '../components/live_activity.js';

const statuses = ['pending', 'running', 'paused', 'completed', 'failed', 'cancelled', 'timed_out'];

function Nodes({ cluster, now }) {
  return html`<table class="table" data-testid="overview-nodes">
    <caption>Nodes (${cluster.nodes.length}, ${cluster.shards} shards)</caption>
    <thead><tr><th>Node</th><th>Status</th><th class="num">Shards</th><th>Heartbeat</th></tr></thead>
    <tbody>${cluster.nodes.map((n) => html`<tr key=${n.name} data-testid="overview-node-row" data-node=${n.name}>
      <td>${n.name}${n.name === cluster.self ? html` <span class="muted">(this node)</span>` : ''}</td>
      <td><${Status} value=${n.status}/></td>
      <td class="num" data-testid="overview-node-shards">${n.shardCount}</td>
      <td title=${n.lastHeartbeatAt}>${age(n.lastHeartbeatAt, now)}</td></tr>`)}
    </tbody></table>`;
}

function ByStatus({ by }) {
  return html`<ul class="tiles" data-testid="overview-by-status" aria-label="Executions by status">
    ${statuses.filter((s) => s in by || ['running', 'completed', 'failed'].includes(s)).map((s) => html`
      <li key=${s}><a href=${href(['executions'], { status: s })} class=${'tile s-' + s}>
        <span class="tile-n" data-testid=${'overview-status-' + s}>${by[s] ?? 0}</span>
        <span class="tile-l">${s.replace('_', ' ')}</span></a></li>`)}
  </ul>`;
}

function series_data(series) {
  const xs = series.map((b) => Date.parse(b.start) / 1000);
  const col = (f) => series.map(f);
  return {
    throughput: [xs, col((b) => b.started), col((b) => b.completed), col((b) => b.failed),
      col((b) => b.cancelled)],
    latency: [xs, col((b) => b.durationMs.p50), col((b) => b.durationMs.p95),
      col((b) => b.durationMs.p99)],
  };
}

const throughput_series = [{ label: 'started', color: '#3b82f6' }, { label: 'completed', color: '#16a34a' },
  { label: 'failed', color: '#dc2626' }, { label: 'cancelled', color: '#a16207' }];
const latency_series = [{ label: 'p50', color: '#0ea5e9' }, { label: 'p95', color: '#8b5cf6' },
  { label: 'p99', color: '#db2777' }];

function Charts({ metrics }) {
  const d = useMemo(() => series_data(metrics.series || []), [metrics]);
  const ms = (v) => v >= 1000 ? (v / 1000).toFixed(1) + ' s' : Math.round(v) + ' ms';
  const sum = (k) => (metrics.series || []).reduce((n, b) => n + (b[k] || 0), 0);
  return html`<div class="grid2">
    <div><${Chart} testid="chart-throughput" data=${d.throughput}
      title=${`Throughput per ${metrics.intervalSeconds} s (last hour: ${sum('started')} started, ${sum('completed')} completed, ${sum('failed')} failed)`}
      series=${throughput_series}/></div>
    <div><${Chart} testid="chart-latency" data=${d.latency} yfmt=${ms}
      title="Duration of the executions that ended"
      series=${latency_series}/></div>
  </div>`;
}

function Restarts({ tree }) {
  const failed = failures(tree);
  return html`<div data-testid="overview-restarts">
    <p>Restarts in the supervision tree: <strong data-testid="overview-total-restarts">${total_restarts(tree)}</strong>.
      <a href="#/supervision">open the tree</a></p>
    ${failed.length === 0 ? html`<p class="muted">No actor has failed since the node started.</p>` : html`
    <table class="table"><thead><tr><th>Actor</th><th class="num">Restarts</th><th>Last failure</th></tr></thead>
      <tbody>${failed.map(({ path, node }) => html`<tr key=${path}><td>${path}</td>
        <td class="num">${node.restarts}</td><td class="wrap">${node.lastFailure}</td></tr>`)}</tbody></table>`}
  </div>`;
}

/** The overview page. */
export function Overview() {
  const now = use_now(1000);
  const cluster = use_fetch((s) => api.cluster(s), []);
  const metrics = use_fetch((s) => api.metrics({}, s), []);
  const tree = use_fetch((s) => api.supervision(s), []);
  const activity = use_live_activity();
  const reload_metrics = use_throttle(metrics.reload, 2000);
  use_stream('cluster', (d) => cluster.set_data(() => d));
  use_stream('supervision', (d) => tree.set_data(() => d));
  use_stream('execution', reload_metrics);
  use_stream('hello', (h) => { if (h.again) reload_metrics(); });
  const ready = !cluster.loading && !metrics.loading;
  const [marked, set_marked] = useState(false);
  useEffect(() => {
    if (ready && !marked) { performance.mark('auraos:overview-data'); set_marked(true); }
  }, [ready]);
  return html`<section data-testid="view-overview" data-ready=${ready ? 'true' : 'false'}>
    <h1>Overview</h1>
    <div class="grid2">
      <section class="card"><h2>Cluster</h2>
        <${ErrorBox} error=${cluster.error} what="the cluster"/>
        ${cluster.loading && !cluster.data ? html`<${Loading} what="the cluster"/>` : cluster.data && html`<${Nodes} cluster=${cluster.data} now=${now}/>`}
      </section>
      <section class="card"><h2>Executions by status</h2>
        <${ErrorBox} error=${metrics.error} what="the execution metrics"/>
        ${metrics.data && html`<${ByStatus} by=${metrics.data.byStatus || {}}/>`}
        ${metrics.data && html`<p class="muted small">From ${time(metrics.data.from)} to ${time(metrics.data.to)}</p>`}
      </section>
    </div>
    <section class="card"><h2>Last hour</h2>
      ${metrics.loading && !metrics.data ? html`<${Loading} what="the metrics"/>` : metrics.data && html`<${Charts} metrics=${metrics.data}/>`}
    </section>
    <div class="grid2">
      <section class="card"><h2>Restarts and failures</h2>
        <${ErrorBox} error=${tree.error} what="the supervision tree"/>
        ${tree.data && html`<${Restarts} tree=${tree.data}/>`}
        <p><a href=${href(['executions'], { status: 'failed' })}>Failed executions →</a></p>
      </section>
      <section class="card"><h2>Live activity</h2><${LiveActivity} items=${activity}/></section>
    </div>
  </section>`;
}
