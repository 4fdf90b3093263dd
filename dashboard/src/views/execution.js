// One execution: its graph coloured by node status, live while it runs (the stream follows its
// transitions), its timeline, input, output, error, logs and the pause/resume/cancel actions.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { follow_execution, stream_node } from '../stream.js';
import { use_fetch, use_now, use_stream, use_throttle } from '../hooks.js';
import { duration, span, time } from '../format.js';
import { at } from '../history.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Graph } from '../components/graph.js';
import { JsonBlock } from '../components/json_block.js';
import { Timeline } from '../components/timeline.js';
import { Logs } from '../components/logs.js';
import { ExecutionActions } from '../components/execution_actions.js';
import { EventWaits, event_waits } from '../components/event_waits.js';

const ended = (s) => ['completed', 'failed', 'cancelled', 'timed_out'].includes(s);

function use_history(id) {
  const h = use_fetch((s) => api.history(id, { limit: 1000 }, s), [id]);
  const more = async () => {
    const page = await api.history(id, { limit: 1000, cursor: h.data.nextCursor });
    h.set_data((d) => ({ items: [...d.items, ...page.items], nextCursor: page.nextCursor }));
  };
  const add = (item) => h.set_data((d) => {
    if (!d || d.nextCursor) return d;  // not all loaded: the next page will bring it
    const last = d.items.length ? d.items[d.items.length - 1].seq : 0;
    return item.seq > last ? { ...d, items: [...d.items, item] } : d;
  });
  return { ...h, more, add };
}

function Attempts({ items }) {
  const ends = ['attempt_completed', 'attempt_failed', 'attempt_interrupted'];
  const rows = items.filter((it) => it.kind === 'attempt_started').map((st) => ({ st,
    end: items.find((it) => it.attempt === st.attempt && ends.includes(it.kind)) }));
  if (!rows.length) return null;
  return html`<h4>Attempts</h4><ol class="attempts">${rows.map(({ st, end }) => html`<li key=${st.seq}>
    attempt ${st.attempt}: ${end ? end.kind.slice(8) : 'running'}${end ? ' after ' + duration(at(end) - at(st)) : ''}
    ${end && end.data && (end.data.error || end.data.output !== undefined) &&
      html`<${JsonBlock} value=${end.data.error || end.data.output}/>`}</li>`)}</ol>`;
}

function NodeDetails({ node, items }) {
  if (!node) return html`<p class="muted">Select a node in the graph to see its attempts, output and error.</p>`;
  return html`<div data-testid="node-details" data-node=${node.id}>
    <h3>${node.id} <${Status} value=${node.status}/></h3>
    <p class="muted small">attempts ${node.attempts ?? 0} · started ${time(node.startedAt)} · ended ${time(node.completedAt)}</p>
    ${node.error && html`<h4>Error</h4><${JsonBlock} value=${node.error}/>`}
    ${node.output !== undefined && node.output !== null && html`<h4>Output</h4><${JsonBlock} value=${node.output}/>`}
    <${Attempts} items=${items.filter((it) => it.nodeId === node.id)}/>
  </div>`;
}

/** The page of execution `id`. */
export function Execution({ id }) {
  const ex = use_fetch((s) => api.execution(id, s), [id]);
  const hist = use_history(id);
  const e = ex.data;
  const now = use_now(e && !ended(e.status) ? 1000 : null);
  const def = use_fetch((s) => e ? api.revision(e.workflowId, e.revision, s) : Promise.resolve(null),
    [e && e.workflowId, e && e.revision]);
  const [selected, set_selected] = useState(null);
  const owner = use_fetch((s) => e && !ended(e.status) ? api.executionOwner(id, s) : Promise.resolve(null),
    [id, e && ended(e.status)]);
  useEffect(() => { follow_execution(id); return () => follow_execution(null); }, [id]);
  const reload = use_throttle(ex.reload, 300);
  use_stream('transition', (t) => { if (!t.executionId || t.executionId === id) { hist.add(t); reload(); } });
  use_stream('execution', (x) => { if (x.id === id) { ex.set_data((d) => d && { ...d, ...x }); reload(); } });
  use_stream('hello', () => { reload(); hist.reload(); });
  const statuses = e ? Object.fromEntries((e.nodes || []).map((n) => [n.id, n.status])) : {};
  const node = e && selected ? (e.nodes || []).find((n) => n.id === selected) || { id: selected, status: 'pending' } : null;
  return html`<section data-testid="view-execution" data-ready=${e ? 'true' : 'false'}>
    <p><a href="#/executions">← Executions</a></p>
    <${ErrorBox} error=${ex.error} what=${'execution ' + id}/>
    ${ex.loading && !e && html`<${Loading} what="the execution"/>`}
    ${e && html`<div>
      <h1>Execution <span class="mono" data-testid="execution-id">${e.id}</span></h1>
      <p>Status <${Status} value=${e.status} testid="execution-status"/> ·
        workflow <a href=${href(['workflows', e.workflowId])}>${e.workflowId}</a> (revision ${e.revision}) ·
        started ${time(e.startedAt)} · ${e.completedAt ? 'ended ' + time(e.completedAt) + ' · ' : ''}
        ${duration(span(e.startedAt, e.completedAt, now))}${ended(e.status) ? '' : ' so far'}</p>
      ${owner.data && stream_node() && owner.data !== stream_node() && html`<p class="notice"
        data-testid="execution-owner-notice">Node <strong>${owner.data}</strong> runs this execution;
        its live updates reach that node's dashboard. Here the page refreshes when you open it or act on it.</p>`}
      <${ExecutionActions} execution=${e} onDone=${(x) => { ex.set_data((d) => ({ ...d, ...x })); reload(); }}/>
      <${EventWaits} waits=${event_waits(e, def.data && def.data.definition, hist.data ? hist.data.items : [])}/>
      <div class="split">
        <section class="card"><h2>Graph</h2>
          <${ErrorBox} error=${def.error} what="the workflow revision"/>
          ${def.data && html`<${Graph} definition=${def.data.definition} statuses=${statuses}
            onSelect=${set_selected} selected=${selected}/>`}</section>
        <aside class="card"><h2>Node</h2><${NodeDetails} node=${node} items=${hist.data ? hist.data.items : []}/></aside>
      </div>
      ${e.error && html`<section class="card"><h2>Error</h2><${JsonBlock} value=${e.error} testid="execution-error"/></section>`}
      <section class="card"><h2>Timeline</h2>
        <${ErrorBox} error=${hist.error} what="the history"/>
        ${hist.data && html`<${Timeline} items=${hist.data.items} now=${ended(e.status) ? null : now}/>`}
        ${hist.data && hist.data.nextCursor && html`<button type="button" onClick=${hist.more}>More history</button>`}
      </section>
      <div class="grid2">
        <section class="card"><h2>Input</h2><${JsonBlock} value=${e.input} testid="execution-input"/></section>
        <section class="card"><h2>Output</h2><${JsonBlock} value=${e.output} testid="execution-output"/></section>
      </div>
      <${Logs} id=${e.id}/>
    </div>`}
  </section>`;
}
