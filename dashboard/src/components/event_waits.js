// What an execution's waiting wait_event nodes wait for: the type, source, correlationId and
// where of each one's rendered config (its attempt_started record in the history), with a link
// to the events view filtered by that type and correlation id.
import { html } from '../html.js';
import { href } from '../router.js';

/** [{node, attempt, config}] of the nodes that are waiting for an event now. */
export function event_waits(execution, definition, items) {
  const types = Object.fromEntries(((definition && definition.nodes) || []).map((n) => [n.id, n.type]));
  const out = [];
  if (!execution || !['running', 'paused', 'pending'].includes(execution.status)) return out;
  for (const n of (execution && execution.nodes) || []) {
    if (n.status !== 'waiting') continue;
    const starts = items.filter((it) => it.nodeId === n.id && it.kind === 'attempt_started');
    const st = starts[starts.length - 1];
    const waits = types[n.id] === 'wait_event' || (st && st.data && st.data.waitsForEvent);
    if (!waits) continue;
    out.push({ node: n.id, attempt: st ? st.attempt : null, config: (st && st.data && st.data.config) || null });
  }
  return out;
}

/** <EventWaits waits/>: nothing when no node waits for an event. */
export function EventWaits({ waits }) {
  if (!waits.length) return null;
  return html`<section class="card" data-testid="event-waits"><h2>Waiting for events</h2>
    ${waits.map((w) => {
      const c = w.config || {};
      const row = (k, label) => c[k] !== undefined && c[k] !== null && c[k] !== '' && html`<dt>${label}</dt>
        <dd class="mono" data-testid=${'event-wait-' + k}>${String(c[k])}</dd>`;
      return html`<div class="wait-event" key=${w.node} data-testid="event-wait" data-node=${w.node}>
        <strong>${w.node}</strong> waits for an event${w.attempt ? ` (attempt ${w.attempt})` : ''}:
        ${w.config ? html`<dl>${row('type', 'type')}${row('source', 'source')}${row('correlationId', 'correlation id')}
          ${row('where', 'where')}${row('timeoutSeconds', 'timeout (s)')}</dl>
          <a href=${href(['events'], { type: c.type, correlationId: c.correlationId })} data-testid="event-wait-link">
            Events of type ${c.type}${c.correlationId ? ' in this correlation' : ''}</a>`
        : html`<p class="muted">Its configuration is not in the history loaded so far.</p>`}
      </div>`;
    })}
  </section>`;
}
