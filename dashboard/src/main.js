// The dashboard's entry point: styles, the sign-in check, the push channel, and the app.
import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { html } from './html.js';
import { Root } from './app.js';
import { check_session } from './auth.js';
import { can } from './permissions.js';
import { on_session } from './session.js';
import { start_stream, stop_stream } from './stream.js';

// The live stream runs while the dashboard is shown to a role that may read it (cluster:read).
on_session(({ mode }) => {
  const shown = mode === 'open' || mode === 'signed-in';
  if (shown && can('cluster:read')) start_stream();
  else stop_stream(shown ? 'off' : 'connecting');
});
check_session();
render(html`<${Root}/>`, document.getElementById('app'));
