// The dashboard's entry point (skeleton: the views are built on top of it).
import { h, render } from 'preact';
import htm from 'htm';
import 'uplot/dist/uPlot.min.css';
import './style.css';

const html = htm.bind(h);
render(html`<main data-testid="view-overview"><h1>AuraOS</h1></main>`, document.getElementById('app'));
