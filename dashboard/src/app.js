// The page's frame: skip link, navigation, connection state, and the view of the route.
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { use_route } from './router.js';
import { use_stream_state } from './hooks.js';
import { Overview } from './views/overview.js';
import { Supervision } from './views/supervision.js';
import { Workflows } from './views/workflows.js';
import { Workflow } from './views/workflow.js';
import { Executions } from './views/executions.js';
import { Execution } from './views/execution.js';
import { Cluster } from './views/cluster.js';
import { EventPage, Events } from './views/events.js';
import { Tasks } from './views/tasks.js';

const sections = [
  ['overview', 'Overview'], ['supervision', 'Supervision'], ['workflows', 'Workflows'],
  ['executions', 'Executions'], ['tasks', 'Tasks'], ['events', 'Events'], ['cluster', 'Cluster'],
];

function view_of(route) {
  const [top = 'overview', id] = route.path;
  if (top === 'overview') return html`<${Overview}/>`;
  if (top === 'supervision') return html`<${Supervision}/>`;
  if (top === 'workflows') return id ? html`<${Workflow} key=${id} id=${id}/>` : html`<${Workflows} query=${route.query}/>`;
  if (top === 'executions') return id ? html`<${Execution} key=${id} id=${id}/>` : html`<${Executions} query=${route.query}/>`;
  if (top === 'events') return id ? html`<${EventPage} key=${id} id=${id}/>` : html`<${Events} query=${route.query}/>`;
  if (top === 'tasks') return html`<${Tasks} query=${route.query}/>`;
  if (top === 'cluster') return html`<${Cluster}/>`;
  return html`<section data-testid="view-not-found"><h1>Not found</h1>
    <p>No page at this address. <a href="#/overview">Go to the overview</a>.</p></section>`;
}

function LiveStatus() {
  const state = use_stream_state();
  const words = { live: 'Live updates are on', connecting: 'Connecting to the live updates',
    offline: 'Live updates are off; reconnecting' };
  return html`<span class=${'live live-' + state} title=${words[state]} role="status">
    <span class="dot" aria-hidden="true"></span><span data-testid="live-status">${state}</span></span>`;
}

/** The whole dashboard. */
export function App() {
  const route = use_route();
  const main = useRef(null);
  const top = route.path[0] || 'overview';
  const first = useRef(true);
  useEffect(() => {
    document.title = `${sections.find(([k]) => k === top)?.[1] || 'AuraOS'} · AuraOS`;
    if (!first.current && main.current) main.current.focus({ preventScroll: false });
    first.current = false;
  }, [route.path.join('/')]);
  const skip = (e) => { e.preventDefault(); main.current.focus(); };
  return html`<a class="skip" href="#main" onClick=${skip}>Skip to content</a>
    <header class="top">
      <a class="brand" href="#/overview">AuraOS</a>
      <nav aria-label="Sections"><ul>${sections.map(([k, label]) => html`<li key=${k}>
        <a href=${'#/' + k} aria-current=${top === k ? 'page' : undefined} data-testid=${'nav-' + k}>${label}</a></li>`)}
      </ul></nav>
      <${LiveStatus}/>
    </header>
    <main id="main" ref=${main} tabindex="-1">${view_of(route)}</main>`;
}
