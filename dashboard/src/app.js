// The page's frame: skip link, navigation, connection state, the signed-in user, and the view
// of the route (or a note when the role cannot read its data); the login page while a node
// with authentication has no session.
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { use_route } from './router.js';
import { use_session, use_stream_state } from './hooks.js';
import { check_session } from './auth.js';
import { can, section_permission } from './permissions.js';
import { SignIn } from './components/sign_in.js';
import { UserMenu } from './components/user_menu.js';
import { NotAllowed } from './components/not_allowed.js';
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

/** What a section shows, for the note of a role that cannot read it. */
const section_data = { supervision: 'the supervision tree', cluster: 'the cluster', workflows: 'workflows',
  executions: 'executions', tasks: 'tasks', events: 'events' };

function view_of(route) {
  const [top = 'overview', id] = route.path;
  const needs = section_permission[top];
  if (needs && !can(needs)) return html`<section data-testid=${'view-' + top} data-ready="true">
    <h1>${sections.find(([k]) => k === top)[1]}</h1>
    <${NotAllowed} what=${section_data[top]} needs=${needs}/></section>`;
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
    offline: 'Live updates are off; reconnecting',
    off: 'No live updates: your role cannot read the live stream (cluster:read)' };
  return html`<span class=${'live live-' + state} title=${words[state]} role="status">
    <span class="dot" aria-hidden="true"></span><span data-testid="live-status">${state}</span></span>`;
}

/** The dashboard for user (null on a node without authentication). */
export function App({ user }) {
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
      <${UserMenu} user=${user}/>
    </header>
    <main id="main" ref=${main} tabindex="-1">${view_of(route)}</main>`;
}

/** The dashboard once the session is known: the login page, the app, or why the check failed. */
export function Root() {
  const s = use_session();
  if (s.mode === 'checking') return html`<p class="muted center" aria-busy="true">Loading…</p>`;
  if (s.mode === 'signed-out') return html`<${SignIn} notice=${s.notice}/>`;
  if (s.mode === 'unreachable') return html`<main id="main" class="sign-in"><div class="card stack" role="alert">
    <p class="bad">${s.notice}</p><div class="row"><button type="button" class="primary"
      onClick=${check_session}>Try again</button></div></div></main>`;
  return html`<${App} user=${s.user}/>`;
}
