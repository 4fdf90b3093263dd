// One workflow: its definition drawn as a graph, its revisions (any can be drawn), its
// metrics (refreshed when one of its executions changes) and the Start action.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { use_fetch, use_stream, use_throttle } from '../hooks.js';
import { duration, time } from '../format.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Graph } from '../components/graph.js';
import { StartForm } from '../components/start_form.js';
import { Pager, use_cursor_stack } from '../components/pager.js';

function Metrics({ m }) {
  const e = m.executions || {};
  const rate = m.successRate === null || m.successRate === undefined ? '–' : (m.successRate * 100).toFixed(1) + ' %';
  return html`<dl class="details" data-testid="workflow-metrics">
    <dt>Executions</dt><dd data-testid="workflow-metrics-total">${e.total}</dd>
    <dt>Running</dt><dd>${e.running}</dd><dt>Completed</dt><dd>${e.completed}</dd>
    <dt>Failed</dt><dd>${e.failed}</dd><dt>Cancelled</dt><dd>${e.cancelled}</dd>
    <dt>Success rate</dt><dd>${rate}</dd>
    <dt>Duration p50 / p95 / p99</dt><dd>${duration(m.durationMs?.p50)} / ${duration(m.durationMs?.p95)} / ${duration(m.durationMs?.p99)}</dd>
  </dl>`;
}

function Revisions({ id, latest, shown, onShow }) {
  const stack = use_cursor_stack();
  const list = use_fetch((s) => api.revisions(id, { limit: 20, cursor: stack.cursor }, s), [id, stack.cursor]);
  return html`<div>
    <${ErrorBox} error=${list.error} what="the revisions"/>
    ${list.data && html`<ol class="revisions" data-testid="revision-list">${list.data.items.map((r) => html`
      <li key=${r.revision} data-testid="revision-item" data-revision=${r.revision}>
        <button type="button" class="link" aria-pressed=${shown === r.revision ? 'true' : 'false'}
          onClick=${() => onShow(r.revision)}>Revision ${r.revision}</button>
        <span class="muted small"> ${r.version} · ${time(r.createdAt)}${r.revision === latest ? ' · latest' : ''}</span></li>`)}
    </ol><${Pager} stack=${stack} next_cursor=${list.data.nextCursor} loading=${list.loading}/>`}
  </div>`;
}

function Definition({ wf, shown }) {
  const rev = use_fetch((s) => shown === wf.revision ? Promise.resolve(wf) : api.revision(wf.id, shown, s),
    [wf.id, shown, wf.revision]);
  return html`<div>
    <p class="muted small">Revision ${shown}${shown === wf.revision ? ' (latest)' : ''}. Connections are labelled with
      their <code>on</code> (error, always) and <code>when</code>; ⋈ marks a join.</p>
    <${ErrorBox} error=${rev.error} what=${'revision ' + shown}/>
    ${rev.data && html`<${Graph} definition=${rev.data.definition}/>`}
    ${rev.data && html`<details><summary>Definition JSON</summary>
      <pre class="json" tabindex="0">${JSON.stringify(rev.data.definition, null, 2)}</pre></details>`}
  </div>`;
}

/** The page of workflow `id`. */
export function Workflow({ id }) {
  const wf = use_fetch((s) => api.workflow(id, s), [id]);
  const metrics = use_fetch((s) => api.workflowMetrics(id, s), [id]);
  const [shown, set_shown] = useState(null);
  const reload_metrics = use_throttle(metrics.reload, 2000);
  use_stream('execution', (e) => { if (e.workflowId === id) reload_metrics(); });
  const w = wf.data;
  return html`<section data-testid="view-workflow" data-ready=${w ? 'true' : 'false'}>
    <p><a href="#/workflows">← Workflows</a></p>
    <${ErrorBox} error=${wf.error} what=${'workflow ' + id}/>
    ${wf.loading && !w && html`<${Loading} what="the workflow"/>`}
    ${w && html`<div>
      <h1 data-testid="workflow-name">${w.name}</h1>
      <p class="muted"><span class="mono">${w.id}</span> · <${Status} value=${w.status}/> · version ${w.version} ·
        revision ${w.revision} · updated ${time(w.updatedAt)}${w.tags && w.tags.length ? ' · tags: ' + w.tags.join(', ') : ''}</p>
      ${w.description && html`<p>${w.description}</p>`}
      <p><a href=${href(['executions'], { workflowId: w.id })} data-testid="workflow-executions-link">Executions of this workflow →</a></p>
      <section class="card"><h2>Graph</h2><${Definition} wf=${w} shown=${shown || w.revision}/></section>
      <div class="grid2">
        <section class="card"><h2>Start an execution</h2><${StartForm} workflow=${w}/></section>
        <section class="card"><h2>Metrics</h2>
          <${ErrorBox} error=${metrics.error} what="the metrics"/>
          ${metrics.data && html`<${Metrics} m=${metrics.data}/>`}</section>
      </div>
      <section class="card"><h2>Revisions</h2>
        <${Revisions} id=${w.id} latest=${w.revision} shown=${shown || w.revision} onShow=${set_shown}/></section>
    </div>`}
  </section>`;
}
