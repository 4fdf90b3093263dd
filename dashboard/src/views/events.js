// Events: the live tail of stored events (filters type, source, correlationId, where; pause and
// resume), the event patterns and their recent matches; and one event's page: its JSON and the
// causation tree of its correlation.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { use_fetch } from '../hooks.js';
import { time } from '../format.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { JsonBlock } from '../components/json_block.js';
import { CorrelationTree } from '../components/correlation_tree.js';
import { latest_events, use_event_tail } from '../event_tail.js';

const keys = ['type', 'source', 'correlationId', 'where'];
const preview_chars = 80;

/** One line of an event's data. */
function preview(data) {
  const s = data === undefined ? '' : JSON.stringify(data);
  return s.length > preview_chars ? s.slice(0, preview_chars - 1) + '…' : s;
}

function Filters({ filters }) {
  const [f, set_f] = useState(filters);
  useEffect(() => set_f(filters), [JSON.stringify(filters)]);
  const field = (k) => (e) => set_f({ ...f, [k]: e.currentTarget.value });
  const apply = (e) => { e.preventDefault(); navigate(['events'], f); };
  const input = (k, label, hint) => html`<label>${label}<input value=${f[k] || ''} onInput=${field(k)}
    data-testid=${'event-filter-' + k} autocomplete="off" placeholder=${hint}/></label>`;
  return html`<form class="filters" onSubmit=${apply} aria-label="Event filters" data-testid="event-filters">
    ${input('type', 'Type', 'a.b, c.d')}
    ${input('source', 'Source', '')}
    ${input('correlationId', 'Correlation id', '')}
    <label class="wide">Where<input value=${f.where || ''} onInput=${field('where')} class="mono"
      data-testid="event-filter-where" autocomplete="off" placeholder="event.data.amount > 100"/></label>
    <div class="row"><button type="submit" class="primary" data-testid="event-filter-apply">Apply</button>
      <button type="button" onClick=${() => navigate(['events'], {})}>Clear</button></div>
  </form>`;
}

/** A table of events, newest first; each links to its page. */
export function EventTable({ events, testid = 'event-row', caption }) {
  return html`<div class="scroll"><table class="table compact">
    ${caption && html`<caption>${caption}</caption>`}
    <thead><tr><th>Type</th><th>Source</th><th>Time</th><th>Correlation</th><th>Data</th></tr></thead>
    <tbody>${events.map((e) => html`<tr key=${e.id} data-testid=${testid} data-id=${e.id} data-type=${e.type}>
      <td><a href=${href(['events', e.id])} title=${'event ' + e.id}>${e.type}</a></td>
      <td>${e.source}</td>
      <td title=${e.timestamp}>${time(e.timestamp)}</td>
      <td>${e.correlationId ? html`<a href=${href(['events'], { correlationId: e.correlationId })}
        class="mono" title="Events of this correlation">${e.correlationId}</a>` : '–'}</td>
      <td class="mono preview">${preview(e.data)}</td></tr>`)}</tbody></table></div>`;
}

const tail_words = { loading: 'loading', connecting: 'connecting', live: 'live', paused: 'paused',
  offline: 'reconnecting', error: 'stopped' };

function Tail({ filters }) {
  const [paused, set_paused] = useState(false);
  const tail = use_event_tail(filters, paused);
  return html`<section class="card" data-testid="event-tail" data-state=${tail.state}>
    <div class="row spread"><h2>Live tail</h2>
      <span class=${'live live-' + ({ live: 'live', paused: 'connecting' }[tail.state] || 'offline')} role="status">
        <span class="dot" aria-hidden="true"></span><span data-testid="event-tail-state">${tail_words[tail.state]}</span></span>
      <button type="button" onClick=${() => set_paused(!paused)} aria-pressed=${paused}
        disabled=${tail.loading || !!tail.error} data-testid="event-tail-pause">${paused ? 'Resume' : 'Pause'}</button></div>
    <${ErrorBox} error=${tail.error} what="the events" testid="event-error"/>
    ${tail.loading && html`<${Loading} what="the events"/>`}
    ${!tail.loading && !tail.error && html`<${EventTable} events=${tail.events}
      caption=${`${tail.events.length} latest events, newest first${paused ? '; paused: new events come in on Resume' : ''}`}/>
      ${tail.events.length === 0 && html`<p class="muted" data-testid="event-empty">No event matches yet; new ones appear here as they are stored.</p>`}`}
  </section>`;
}

function PatternMatches({ pattern }) {
  const type = pattern.emit && pattern.emit.type;
  const m = use_fetch((s) => type ? latest_events({ type }, s) : Promise.resolve([]), [type]);
  return html`<div data-testid="pattern-matches" data-pattern=${pattern.id}>
    <h3>Recent matches of ${pattern.name || pattern.id}</h3>
    <details><summary>The rule</summary><${JsonBlock} value=${pattern} testid="pattern-rule"/></details>
    <${ErrorBox} error=${m.error} what="the matches"/>
    ${m.loading && !m.data && html`<${Loading} what="the matches"/>`}
    ${m.data && (m.data.length ? html`<${EventTable} events=${m.data.slice(0, 20)} testid="pattern-match-row"
      caption=${`events of type ${type}, newest first`}/>` : html`<p class="muted">No match stored yet.</p>`)}
  </div>`;
}

/** The patterns, when the node serves them (404/405: an older node, nothing shown). */
function Patterns() {
  const p = use_fetch((s) => api.patterns({ limit: 100 }, s).catch((e) => {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }), []);
  const [selected, set_selected] = useState(null);
  if (!p.error && !p.data) return null;
  const items = p.data ? (Array.isArray(p.data) ? p.data : p.data.items || []) : [];
  const chosen = items.find((x) => x.id === selected);
  return html`<section class="card" data-testid="event-patterns">
    <h2>Patterns</h2>
    <${ErrorBox} error=${p.error} what="the event patterns"/>
    ${p.data && items.length === 0 && html`<p class="muted">No pattern is defined.</p>`}
    ${items.length > 0 && html`<div class="scroll"><table class="table compact">
      <thead><tr><th>Name</th><th>Kind</th><th>Emits</th><th class="num">Matches</th><th>Last match</th><th></th></tr></thead>
      <tbody>${items.map((x) => html`<tr key=${x.id} data-testid="pattern-row" data-id=${x.id}>
        <td>${x.name || x.id}</td><td>${x.kind}</td><td class="mono">${x.emit && x.emit.type}</td>
        <td class="num">${x.matches ?? '–'}</td><td>${time(x.lastMatchAt)}</td>
        <td><button type="button" class="link" aria-pressed=${selected === x.id}
          onClick=${() => set_selected(selected === x.id ? null : x.id)}>${selected === x.id ? 'Hide matches' : 'Matches'}</button></td>
      </tr>`)}</tbody></table></div>`}
    ${chosen && html`<${PatternMatches} key=${chosen.id} pattern=${chosen}/>`}
  </section>`;
}

/** The events page; route query: the filters. */
export function Events({ query }) {
  const filters = Object.fromEntries(keys.filter((k) => query[k]).map((k) => [k, query[k]]));
  return html`<section data-testid="view-events" data-ready="true">
    <h1>Events</h1>
    <${Filters} filters=${filters}/>
    <${Tail} key=${JSON.stringify(filters)} filters=${filters}/>
    <${Patterns}/>
  </section>`;
}

/** The page of event `id`: its JSON and its correlation's causation tree. */
export function EventPage({ id }) {
  const ev = use_fetch((s) => api.event(id, s), [id]);
  const e = ev.data;
  const cid = e && e.correlationId;
  const corr = use_fetch((s) => cid ? api.correlation(cid, s) : Promise.resolve(null), [cid]);
  const ready = e && (!cid || corr.data || corr.error);
  return html`<section data-testid="view-event" data-ready=${ready ? 'true' : 'false'}>
    <p><a href="#/events">← Events</a></p>
    <${ErrorBox} error=${ev.error} what=${'event ' + id}/>
    ${ev.loading && !e && html`<${Loading} what="the event"/>`}
    ${e && html`<div>
      <h1>Event <span class="mono" data-testid="event-id">${e.id}</span></h1>
      <p><strong data-testid="event-type">${e.type}</strong> from ${e.source} · ${time(e.timestamp)}
        ${e.causationId && html` · caused by <a href=${href(['events', e.causationId])} class="mono">${e.causationId}</a>`}</p>
      <div class="split">
        <section class="card"><h2>Correlation</h2>
          ${!cid && html`<p class="muted">This event has no correlation id.</p>`}
          ${cid && html`<p>Correlation <a href=${href(['events'], { correlationId: cid })} class="mono">${cid}</a>
            ${corr.data && ` · ${corr.data.events.length} event${corr.data.events.length === 1 ? '' : 's'}`}</p>`}
          <${ErrorBox} error=${corr.error} what="the correlation"/>
          ${corr.loading && !corr.data && cid && html`<${Loading} what="the correlation"/>`}
          ${corr.data && html`<${CorrelationTree} tree=${corr.data.tree} events=${corr.data.events} current=${e.id}/>`}
        </section>
        <aside class="card"><h2>JSON</h2><${JsonBlock} value=${e} testid="event-json"/></aside>
      </div>
    </div>`}
  </section>`;
}
