// Hash routing: '#/executions/ID?status=failed' -> {path: ['executions', 'ID'], query}.
import { useEffect, useState } from 'preact/hooks';

/** The current route parsed from location.hash. */
export function current_route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { path: parts, query: Object.fromEntries(new URLSearchParams(search || '')) };
}

/** The href of a route: href(['executions', id], {status}) -> '#/executions/ID?status=...'. */
export function href(parts, params) {
  const path = '#/' + parts.map(encodeURIComponent).join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const s = q.toString();
  return s ? path + '?' + s : path;
}

/** Goes to a route; replace keeps the history entry (for filter edits). */
export function navigate(parts, params, replace = false) {
  const target = href(parts, params);
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A hook answering the current route, re-rendering on each hash change. */
export function use_route() {
  const [route, set_route] = useState(current_route);
  useEffect(() => {
    const update = () => set_route(current_route());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
