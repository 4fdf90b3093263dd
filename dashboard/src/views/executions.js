// Executions: a page of executions filtered by workflow, status and start time, newest first,
// paged by cursor (never the whole list); rows change status live and new executions are listed
// above.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { use_fetch, use_stream } from '../hooks.js';
import { duration, iso_to_local, local_to_iso, span, time } from '../format.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Pager, use_cursor_stack } from '../components/pager.js';
import { LiveActivity, use_live_activity } from '../components/live_activity.js';

const page_size = 50;
/** The list's order: an operator wants the latest executions first (cursors keep the order). */
const order = 'newest';
const statuses = ['pending', 'running', 'paused', 'completed', 'failed', 'cancelled', 'timed_out'];
const keys = ['workflowId', 'status', 'startedAfter', 'startedBefore'];

function Filters({ filters }) {
  const [f, set_f] = useState(filters);
  useEffect(() => set_f(filters), [JSON.stringify(filters)]);
  const field = (k) => (e) => set_f({ ...f, [k]: e.currentTarget.value });
  const apply = (e) => { e.preventDefault(); navigate(['executions'], f); };
  return html`<form class="filters" onSubmit=${apply} aria-label="Filters" data-testid="execution-filters">
    <label>Workflow id<input value=${f.workflowId || ''} onInput=${field('workflowId')}
      data-testid="filter-workflow" autocomplete="off"/></label>
    <label>Status<select value=${f.status || ''} onChange=${field('status')} data-testid="filter-status">
      <option value="">any</option>${statuses.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
    <label>Started after<input type="datetime-local" value=${iso_to_local(f.startedAfter)}
      onInput=${(e) => set_f({ ...f, startedAfter: local_to_iso(e.currentTarget.value) })}
      data-testid="filter-after"/></label>
    <label>Started before<input type="datetime-local" value=${iso_to_local(f.startedBefore)}
      onInput=${(e) => set_f({ ...f, startedBefore: local_to_iso(e.currentTarget.value) })}
      data-testid="filter-before"/></label>
    <div class="row"><button type="submit" class="primary" data-testid="filter-apply">Apply</button>
      <button type="button" onClick=${() => navigate(['executions'], {})}>Clear</button></div>
  </form>`;
}

function Row({ e, now }) {
  return html`<tr data-testid="execution-row" data-id=${e.id} data-status=${e.status}>
    <td><a href=${href(['executions', e.id])} class="mono">${e.id}</a></td>
    <td><a href=${href(['workflows', e.workflowId])}>${e.workflowId}</a></td>
    <td><${Status} value=${e.status}/></td>
    <td>${time(e.startedAt || e.createdAt)}</td><td>${time(e.completedAt)}</td>
    <td class="num">${duration(span(e.startedAt, e.completedAt, now))}</td></tr>`;
}

/** The executions page; route query: the filters. */
export function Executions({ query }) {
  const filters = Object.fromEntries(keys.filter((k) => query[k]).map((k) => [k, query[k]]));
  const fkey = JSON.stringify(filters);
  const stack = use_cursor_stack();
  useEffect(() => { stack.reset(); }, [fkey]);
  const list = use_fetch((s) => api.executions({ ...filters, order, limit: page_size, cursor: stack.cursor }, s),
    [fkey, stack.cursor]);
  const matches = (e) => (!filters.workflowId || e.workflowId === filters.workflowId) &&
    (!filters.status || e.status === filters.status);
  const activity = use_live_activity(matches);
  use_stream('execution', (e) => {
    list.set_data((d) => d && d.items.some((x) => x.id === e.id)
      ? { ...d, items: d.items.map((x) => x.id === e.id ? { ...x, ...e } : x) } : d);
  });
  use_stream('hello', (h) => { if (h.again) list.reload(); });
  const items = list.data ? list.data.items : [];
  const now = Date.now();
  return html`<section data-testid="view-executions" data-ready=${list.data ? 'true' : 'false'}>
    <h1>Executions</h1>
    <${Filters} filters=${filters}/>
    <details class="card" open=${activity.length > 0}><summary>Changed since this page opened (${activity.length})</summary>
      <${LiveActivity} items=${activity}/></details>
    <${ErrorBox} error=${list.error} what="the executions"/>
    ${list.loading && !list.data && html`<${Loading} what="the executions"/>`}
    ${list.data && html`<div class="scroll"><table class="table" data-testid="execution-table">
      <caption>Page ${stack.page} (${items.length} shown, newest first)</caption>
      <thead><tr><th>Execution</th><th>Workflow</th><th>Status</th><th>Started</th><th>Ended</th><th class="num">Duration</th></tr></thead>
      <tbody>${items.map((e) => html`<${Row} key=${e.id} e=${e} now=${now}/>`)}</tbody></table></div>
      ${items.length === 0 && html`<p class="muted">No execution matches.</p>`}
      <${Pager} stack=${stack} next_cursor=${list.data.nextCursor} loading=${list.loading}/>`}
  </section>`;
}
