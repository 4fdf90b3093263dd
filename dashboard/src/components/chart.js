// A time-series chart (uPlot) sized to its container, coloured from the page's CSS variables.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from '../html.js';

function css_var(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width, series, yfmt) {
  const fg = css_var('--muted', '#666');
  const grid = css_var('--line', '#ddd');
  const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width, height: 180,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [axis, { ...axis, size: 56, values: (u, vals) => vals.map((v) => yfmt ? yfmt(v) : v) }],
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2,
      fill: s.fill, spanGaps: false, points: { show: false } }))],
  };
}

/** <Chart title series=[{label, color}] data=[xs (s), ys...] yfmt testid/>. */
export function Chart({ title, series, data, yfmt, testid }) {
  const box = useRef(null);
  const plot = useRef(null);
  useEffect(() => {
    const el = box.current;
    const make = () => {
      if (plot.current) plot.current.destroy();
      plot.current = new uPlot(options(el.clientWidth || 300, series, yfmt), data, el);
    };
    make();
    const ro = new ResizeObserver(() => {
      if (plot.current && el.clientWidth) plot.current.setSize({ width: el.clientWidth, height: 180 });
    });
    ro.observe(el);
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', make);
    return () => { ro.disconnect(); mq.removeEventListener('change', make); plot.current.destroy(); plot.current = null; };
  }, []);
  useEffect(() => { if (plot.current) plot.current.setData(data); }, [data]);
  return html`<figure class="chart" data-testid=${testid}>
    <figcaption>${title}</figcaption>
    <div ref=${box} class="chart-box" role="img" aria-label=${title}></div>
  </figure>`;
}
