// The dashboard's entry point: styles, the push channel, and the app.
import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { html } from './html.js';
import { App } from './app.js';
import { start_stream } from './stream.js';

start_stream();
render(html`<${App}/>`, document.getElementById('app'));
