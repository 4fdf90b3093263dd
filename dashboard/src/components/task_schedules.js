// Task definitions with their schedules: the spec (cron, every, at), overlap, paused, skipped
// fire times, and the next fire times in words and in the browser's time zone. A schedule is
// read again when its next fire time passes and whenever the task list is.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { use_fetch } from '../hooks.js';
import { amounts } from '../format.js';
import { every_words, in_words, zoned_time } from '../when.js';
import { ErrorBox } from './error_box.js';

/** The schedule of task id, null when it has none (404); read again on each tick. */
function use_schedule(id, tick, now) {
  const sch = use_fetch((s) => api.taskSchedule(id, s).catch((e) => {
    if (e.status === 404 && e.code === 'not_found') return null;
    throw e;
  }), [id]);
  const first_tick = useRef(tick);
  useEffect(() => { if (tick !== first_tick.current) sch.reload(); }, [tick]);
  const next = sch.data && sch.data.nextFireTimes && sch.data.nextFireTimes[0];
  const due = !!next && Date.parse(next) <= now;
  useEffect(() => {
    if (!due || sch.loading) return undefined;
    const t = setTimeout(sch.reload, 1000);
    return () => clearTimeout(t);
  }, [due, next, sch.loading]);
  return sch;
}

/** What a schedule fires on: 'cron 0 2 * * * (Europe/Berlin)', 'every 5 min', 'at TIME'. */
function spec_text(s) {
  if (s.cron) return `cron ${s.cron}${s.timezone ? ` (${s.timezone})` : ''}`;
  if (s.every !== undefined) return every_words(s.every);
  if (s.at) return `once at ${zoned_time(s.at)}`;
  return '–';
}

function Schedule({ s, now }) {
  const next = s.nextFireTimes || [];
  return html`<td data-testid="schedule-spec"><span class="mono">${spec_text(s)}</span>
      <div class="muted small">overlap <span data-testid="schedule-overlap">${s.overlap || 'skip'}</span>${
        s.paused && html` · <span class="status s-paused" data-testid="schedule-paused">paused</span>`} · skipped${' '}
        <span data-testid="schedule-skipped">${(s.skipped && s.skipped.count) || 0}</span></div></td>
    <td>${next.length === 0 ? html`<span class="muted" data-testid="schedule-next-none">${s.paused ? 'paused' : 'none'}</span>`
      : html`<strong data-testid="schedule-next-words">${in_words(next[0], now)}</strong>
        <div class="small"><time datetime=${next[0]} data-testid="schedule-next-local" data-iso=${next[0]}
          title=${next[0]}>${zoned_time(next[0])}</time></div>
        ${next.length > 1 && html`<details class="small"><summary>next ${next.length}</summary>
          <ol class="fires">${next.map((t) => html`<li key=${t} data-testid="schedule-fire" data-iso=${t}>
            <time datetime=${t} title=${t}>${zoned_time(t)}</time> <span class="muted">${in_words(t, now)}</span></li>`)}</ol>
        </details>`}`}</td>`;
}

function TaskRow({ t, tick, now, onStart, history }) {
  const sch = use_schedule(t.id, tick, now);
  return html`<tr data-testid="task-row" data-task=${t.id}>
    <td><a href=${history(t.id)} data-testid="task-history-link">${t.id}</a>
      ${t.name && t.name !== t.id && html`<div class="muted small">${t.name}</div>`}</td>
    <td>${t.type}<div class="muted small">queue ${t.queue || 'default'} · priority ${t.priority || 0}</div></td>
    <td data-testid="task-resources">${amounts(t.resources)}</td>
    ${sch.error ? html`<td colspan="2"><${ErrorBox} error=${sch.error} what="the schedule"/></td>`
      : sch.data ? html`<${Schedule} s=${sch.data} now=${now}/>`
      : html`<td class="muted" data-testid="schedule-none" colspan="2">${sch.loading ? '…' : 'no schedule'}</td>`}
    <td>${onStart && html`<button type="button" onClick=${() => onStart(t.id)} data-testid="task-start">Start…</button>`}</td></tr>`;
}

/** <TaskSchedules tasks tick now onStart history/>: tick changes when the list was read again;
 *  history(id) is the address of the task's run history; onStart(id) chooses it to start (null:
 *  no Start buttons, the role cannot start runs). */
export function TaskSchedules({ tasks, tick, now, onStart, history }) {
  if (!tasks.length) return html`<p class="muted" data-testid="tasks-empty">No task is defined yet
    (<code>POST /api/v1/tasks</code> defines one).</p>`;
  return html`<div class="scroll"><table class="table compact" data-testid="task-table">
    <thead><tr><th>Task</th><th>Type</th><th>Resources</th><th>Schedule</th><th>Next fire</th><th></th></tr></thead>
    <tbody>${tasks.map((t) => html`<${TaskRow} key=${t.id} t=${t} tick=${tick} now=${now}
      onStart=${onStart} history=${history}/>`)}</tbody></table></div>`;
}
