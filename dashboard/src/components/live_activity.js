// The executions the stream reported since the page opened, newest first.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { href } from '../router.js';
import { use_stream } from '../hooks.js';
import { time } from '../format.js';
import { Status } from './status.js';

const keep = 20;

/** A hook collecting `execution` events: [{id, workflowId, status, at}], one per id. */
export function use_live_activity(filter) {
  const [items, set_items] = useState([]);
  use_stream('execution', (e) => {
    if (filter && !filter(e)) return;
    set_items((old) => [{ ...e, at: new Date().toISOString() },
      ...old.filter((x) => x.id !== e.id)].slice(0, keep));
  });
  return items;
}

/** The list of those events (or a line saying none arrived yet). */
export function LiveActivity({ items }) {
  return html`<div data-testid="live-activity" aria-live="polite">
    ${items.length === 0 ? html`<p class="muted">No execution changed since this page opened.</p>` : html`
    <ul class="activity">${items.map((e) => html`<li key=${e.id} data-testid="live-activity-item" data-id=${e.id}>
      <span class="muted small">${time(e.at)}</span>
      <a href=${href(['executions', e.id])}>${e.id}</a>
      <span class="muted">${e.workflowId}</span> <${Status} value=${e.status}/></li>`)}</ul>`}
  </div>`;
}
