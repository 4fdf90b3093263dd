// A development server for the dashboard (node built-ins only): serves a built dist at / and
// /assets/NAME, proxies /api/, /healthz, /readyz and /metrics (streams included) to a node,
// and with --watch rebuilds the bundle when a source changed before answering the page.
// Usage: node dashboard/dev-server.mjs [--port 5173] [--api http://127.0.0.1:18080]
//                                      [--dist DIR] [--watch]
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const port = Number(arg('port', 5173));
const target = new URL(arg('api', 'http://127.0.0.1:18080'));
const dist = arg('dist', join(here, 'dist'));
const watch = process.argv.includes('--watch');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

function newest_source(dir = join(here, 'src')) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest_source(p) : statSync(p).mtimeMs);
  }
  return t;
}

let built_at = 0;
function rebuild_if_changed() {
  const t = newest_source();
  if (t <= built_at) return;
  execFileSync(process.execPath, [join(here, 'build.mjs'), '--out', dist], { stdio: 'inherit' });
  built_at = t;
}

function send_file(res, name) {
  try {
    const body = readFileSync(join(dist, name));
    res.writeHead(200, { 'Content-Type': types[extname(name)] || 'application/octet-stream',
      'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: `no asset ${name}`, details: [] } }));
  }
}

function proxy(req, res) {
  const up = http.request({ host: target.hostname, port: target.port, method: req.method,
    path: req.url, headers: { ...req.headers, host: target.host } }, (r) => {
    res.writeHead(r.statusCode, r.headers);
    r.pipe(res);
    r.on('close', () => { if (!r.complete) res.destroy(); }); // the node went away mid-answer
  });
  up.on('error', (e) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: `node ${target.host}: ${e.message}`, details: [] } }));
  });
  res.on('close', () => { if (!res.writableFinished) up.destroy(); });
  req.pipe(up);
}

http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (/^\/(api\/|healthz|readyz|metrics)/.test(path)) return proxy(req, res);
  if (watch && (path === '/' || path === '/index.html')) {
    try { rebuild_if_changed(); } catch { res.writeHead(500); return res.end('build failed: see the terminal'); }
  }
  if (path === '/' || path === '/index.html') return send_file(res, 'index.html');
  if (path.startsWith('/assets/') && !path.includes('..')) return send_file(res, path.slice(8));
  send_file(res, '\0missing');
}).listen(port, '127.0.0.1', () => {
  if (watch) rebuild_if_changed();
  console.log(`dashboard on http://127.0.0.1:${port}/ (dist ${dist}), API from ${target.origin}`);
});
