// Tasks: the pool and its queues, the running runs, the task definitions with their schedules,
// a run's detail, the run history (newest first, filtered by task and status), and starting a
// run. There are no task events on the stream: what changes is read again every 1.5 s (the
// task list every 10 s) while the view is open.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { use_fetch, use_now, use_poll } from '../hooks.js';
import { can } from '../permissions.js';
import { local_zone, zone_offset } from '../when.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Pager, use_cursor_stack } from '../components/pager.js';
import { JsonStart } from '../components/start_form.js';
import { TaskQueues } from '../components/task_queues.js';
import { RunHistory, RunningRuns } from '../components/task_runs.js';
import { TaskSchedules } from '../components/task_schedules.js';
import { TaskRunDetail } from '../components/task_run_detail.js';
import { TaskMetrics } from '../components/task_metrics.js';
import { NotAllowed } from '../components/not_allowed.js';

const poll_ms = 1500;
const tasks_poll_ms = 10000;
const page_size = 50;
const statuses = ['queued', 'running', 'retrying', 'completed', 'failed', 'cancelled', 'timed_out'];

/** A card with a title, the error of its data, a loading line, and its content once loaded. */
function Card({ title, f, what, testid, render }) {
  return html`<section class="card" data-testid=${testid}><h2>${title}</h2>
    <${ErrorBox} error=${f.error} what=${what}/>
    ${f.loading && !f.data && !f.error && html`<${Loading} what=${what}/>`}
    ${f.data && render()}</section>`;
}

function Filters({ filters, tasks }) {
  const set = (k) => (e) => navigate(['tasks'], { ...filters, run: undefined, [k]: e.currentTarget.value });
  const ids = tasks.map((t) => t.id);
  if (filters.taskId && !ids.includes(filters.taskId)) ids.push(filters.taskId);
  return html`<form class="filters" aria-label="Run filters" onSubmit=${(e) => e.preventDefault()}>
    <label>Task<select value=${filters.taskId || ''} onChange=${set('taskId')} data-testid="run-filter-task">
      <option value="">any</option>${ids.map((id) => html`<option value=${id}>${id}</option>`)}</select></label>
    <label>Status<select value=${filters.status || ''} onChange=${set('status')} data-testid="run-filter-status">
      <option value="">any</option>${statuses.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
  </form>`;
}

function StartRun({ tasks, chosen, onChoose, link }) {
  if (!can('task:write')) return html`<${NotAllowed} verb="start" what="task runs" needs="task:write"/>`;
  return html`<div class="stack" data-testid="task-start-form">
    <label class="row">Task <select value=${chosen || ''} onChange=${(e) => onChoose(e.currentTarget.value)}
      data-testid="start-task"><option value="">choose a task</option>
      ${tasks.map((t) => html`<option value=${t.id}>${t.id}</option>`)}</select></label>
    <${JsonStart} disabled=${!chosen} start=${(input) => api.startTask(chosen, input)} link=${(r) => link(r.id)}/>
  </div>`;
}

/** The tasks page; route query: taskId and status (history filters), run (the run shown). */
export function Tasks({ query }) {
  const filters = { taskId: query.taskId || '', status: query.status || '' };
  const fkey = JSON.stringify(filters);
  const link = (id) => href(['tasks'], { ...filters, run: id });
  const now = use_now(1000);
  const pool = use_poll((s) => api.taskQueues(s), [], poll_ms);
  const running = use_poll((s) => api.taskRuns({ status: 'running', order: 'newest', limit: 100 }, s), [], poll_ms);
  const tasks = use_poll((s) => api.tasks({ limit: 100 }, s), [], tasks_poll_ms);
  const [tick, set_tick] = useState(0);
  useEffect(() => { if (tasks.data) set_tick((t) => t + 1); }, [tasks.data]);
  const stack = use_cursor_stack();
  useEffect(() => { stack.reset(); }, [fkey]);
  const history = use_poll((s) => api.taskRuns({ ...filters, order: 'newest', limit: page_size, cursor: stack.cursor }, s),
    [fkey, stack.cursor], poll_ms);
  const metrics = use_poll((s) => filters.taskId ? api.taskMetrics(filters.taskId, s) : Promise.resolve(null),
    [filters.taskId], filters.taskId ? 2 * poll_ms : null);
  const [chosen, set_chosen] = useState('');
  const start_ref = useRef(null);
  const choose = (id) => {
    set_chosen(id);
    start_ref.current.scrollIntoView({ block: 'nearest' });
    start_ref.current.querySelector('textarea').focus();
  };
  const task_list = tasks.data ? tasks.data.items : [];
  const zone = local_zone();
  const ready = [pool, running, tasks, history].every((f) => f.data || f.error);
  return html`<section data-testid="view-tasks" data-ready=${ready ? 'true' : 'false'}>
    <h1>Tasks</h1>
    <p class="muted small">Times are in your time zone, <strong data-testid="local-zone">${zone}</strong>${' '}
      (UTC${zone_offset(new Date(now), zone)}); refreshed every ${poll_ms / 1000} s.</p>
    <${Card} title="Pool and queues" f=${pool} what="the queues" testid="task-queues-card"
      render=${() => html`<${TaskQueues} pool=${pool.data}/>`}/>
    <${Card} title="Running" f=${running} what="the running runs" testid="task-running-card"
      render=${() => html`<${RunningRuns} runs=${running.data.items} link=${link} selected=${query.run} now=${now}/>`}/>
    <${Card} title="Tasks and schedules" f=${tasks} what="the tasks" testid="task-list-card"
      render=${() => html`<${TaskSchedules} tasks=${task_list} tick=${tick} now=${now}
        onStart=${can('task:write') ? choose : null}
        history=${(id) => href(['tasks'], { taskId: id })}/>`}/>
    ${query.run && html`<${TaskRunDetail} key=${query.run} id=${query.run} link=${link} now=${now}
      onRetried=${(r) => navigate(['tasks'], { ...filters, run: r.id })}
      onClose=${() => navigate(['tasks'], filters)}/>`}
    <section class="card" data-testid="task-history-card"><h2>Run history</h2>
      <${Filters} filters=${filters} tasks=${task_list}/>
      ${filters.taskId && html`<${ErrorBox} error=${metrics.error} what="the task's metrics"/>
        ${metrics.data && html`<${TaskMetrics} m=${metrics.data}/>`}`}
      <${ErrorBox} error=${history.error} what="the runs"/>
      ${history.loading && !history.data && !history.error && html`<${Loading} what="the runs"/>`}
      ${history.data && html`<div>
        <${RunHistory} runs=${history.data.items} link=${link} selected=${query.run} now=${now}/>
        ${history.data.items.length === 0 && html`<p class="muted" data-testid="task-history-empty">No run matches.</p>`}
        <${Pager} stack=${stack} next_cursor=${history.data.nextCursor} loading=${false}/></div>`}
    </section>
    <section class="card" ref=${start_ref}><h2>Start a run</h2>
      <${StartRun} tasks=${task_list} chosen=${chosen} onChoose=${set_chosen} link=${link}/></section>
  </section>`;
}
