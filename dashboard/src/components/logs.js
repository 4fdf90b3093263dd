// An execution's log lines (with the command output of failed shell attempts), loaded the
// first time the section is opened, a page at a time.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { ErrorBox } from './error_box.js';

/** <Logs id/>: a <details> that loads /logs when first opened. */
export function Logs({ id }) {
  const [lines, set_lines] = useState(null);
  const [next, set_next] = useState(null);
  const [error, set_error] = useState(null);
  const [busy, set_busy] = useState(false);
  const load = async (cursor) => {
    set_busy(true); set_error(null);
    try {
      const page = await api.logs(id, { cursor });
      set_lines((old) => [...(cursor ? old || [] : []), ...page.items]);
      set_next(page.nextCursor);
    } catch (e) { set_error(e); }
    set_busy(false);
  };
  const toggle = (e) => { if (e.currentTarget.open && lines === null && !busy) load(); };
  return html`<details class="card" onToggle=${toggle} data-testid="logs">
    <summary data-testid="logs-toggle">Logs</summary>
    <div class="row"><button type="button" onClick=${() => load()} disabled=${busy}>Reload</button></div>
    <${ErrorBox} error=${error} what="the logs"/>
    ${busy && html`<p class="muted">Loading…</p>`}
    ${lines && html`<pre class="logs" tabindex="0" data-testid="logs-lines">${lines.length ? lines.join('\n') : 'No log lines.'}</pre>`}
    ${next && html`<button type="button" onClick=${() => load(next)} disabled=${busy}>More</button>`}
  </details>`;
}
