// A task run's log lines (stdout, stderr, system), followed while the run is live: the last
// page is read again from the cursor that led to it, so new lines come in without counting or
// guessing cursors, and a long log is read one page (1,000 lines) at a time.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { time } from '../format.js';
import { ErrorBox } from './error_box.js';

const page_size = 1000;
const follow_ms = 1500;

/** <TaskLogs id live/>: live: the run may still write lines (read again every 1.5 s). */
export function TaskLogs({ id, live }) {
  const pages = useRef([]);
  const [lines, set_lines] = useState(null);
  const [error, set_error] = useState(null);
  useEffect(() => { pages.current = []; set_lines(null); set_error(null); }, [id]);
  useEffect(() => {
    let stopped = false;
    let timer = null;
    const step = async () => {
      const last = pages.current[pages.current.length - 1];
      try {
        const page = await api.taskRunLogs(id, { cursor: last && last.cursor, limit: page_size });
        if (stopped) return;
        const current = { cursor: last && last.cursor, items: page.items };
        pages.current = [...pages.current.slice(0, last ? -1 : undefined), current];
        if (page.nextCursor) pages.current.push({ cursor: page.nextCursor, items: [] });
        set_lines(pages.current.flatMap((p) => p.items));
        set_error(null);
        if (page.nextCursor) return void (timer = setTimeout(step, 0));
      } catch (e) {
        if (stopped) return;
        set_error(e);
      }
      if (live) timer = setTimeout(step, follow_ms);
    };
    step();
    return () => { stopped = true; clearTimeout(timer); };
  }, [id, live]);
  return html`<div data-testid="task-logs">
    <${ErrorBox} error=${error} what="the logs"/>
    ${lines === null && !error && html`<p class="muted">Loading…</p>`}
    ${lines && (lines.length === 0
      ? html`<p class="muted" data-testid="task-logs-empty">No log lines${live ? ' yet' : ''}.</p>`
      : html`<pre class="logs" tabindex="0" data-testid="task-logs-lines">${lines.map((l) => html`<span
          key=${l.seq} class=${'log-' + l.stream} data-testid="task-log-line" data-seq=${l.seq}
          data-stream=${l.stream}><span class="muted">${time(l.at)} ${l.stream.padEnd(6)} </span>${l.line}${'\n'}</span>`)}</pre>`)}
  </div>`;
}
