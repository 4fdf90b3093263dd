// An execution's history as a timeline: one lane per node with its attempts, retry waits and
// timers on a common time axis, then every stored record in order.
import { html } from '../html.js';
import { at, lanes, summary } from '../history.js';
import { duration } from '../format.js';

function Lanes({ items, now }) {
  if (!items.length) return null;
  const t0 = at(items[0]);
  const rows = lanes(items, now ?? at(items[items.length - 1]));
  const t1 = Math.max(at(items[items.length - 1]), ...rows.flatMap((r) => r.spans.map((s) => s.to || s.from)));
  const total = Math.max(1, t1 - t0);
  const pct = (t) => ((t - t0) / total) * 100;
  return html`<div class="lanes" data-testid="timeline-lanes">
    <div class="lane-axis"><span>0</span><span>${duration(total)}</span></div>
    ${rows.map((r) => html`<div class="lane" key=${r.node} data-node=${r.node}>
      <span class="lane-name" title=${r.node}>${r.node}</span>
      <div class="lane-track">${r.spans.map((s) => html`<span
        class=${`seg seg-${s.kind}${s.outcome ? ' seg-' + s.outcome : ''}${s.open ? ' seg-open' : ''}`}
        style=${`left:${pct(s.from)}%;width:${s.kind === 'mark' ? 0 : Math.max(0.4, pct(s.to) - pct(s.from))}%`}
        title=${`${s.label}${s.outcome ? ' (' + s.outcome + ')' : ''}: ${duration((s.to || s.from) - s.from)}${s.open ? ', still running' : ''}`}
        data-testid=${'timeline-' + s.kind}></span>`)}</div></div>`)}
    <p class="legend small"><span class="seg-key seg-attempt"></span>attempt
      <span class="seg-key seg-attempt seg-failed"></span>failed attempt
      <span class="seg-key seg-wait"></span>retry wait <span class="seg-key seg-timer"></span>timer</p>
  </div>`;
}

/** <Timeline items now/>. */
export function Timeline({ items, now }) {
  const t0 = items.length ? at(items[0]) : 0;
  return html`<div data-testid="timeline">
    <${Lanes} items=${items} now=${now}/>
    <div class="scroll"><table class="table compact" data-testid="history-table">
      <thead><tr><th class="num">#</th><th class="num">+time</th><th>Record</th><th>Node</th><th class="num">Attempt</th><th>Detail</th></tr></thead>
      <tbody>${items.map((it) => html`<tr key=${it.seq} data-testid="timeline-item" data-kind=${it.kind} data-seq=${it.seq}
          class=${/failed|timed_out/.test(it.kind) ? 'bad' : ''}>
        <td class="num">${it.seq}</td><td class="num" title=${it.timestamp}>${duration(at(it) - t0)}</td>
        <td>${it.kind}</td><td>${it.nodeId || ''}</td><td class="num">${it.attempt || ''}</td>
        <td class="wrap">${summary(it)}</td></tr>`)}</tbody></table></div>
  </div>`;
}
