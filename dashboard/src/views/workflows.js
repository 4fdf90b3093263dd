// Workflows: a page of stored workflows, searched by name (`q`), paged by cursor.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { use_fetch } from '../hooks.js';
import { time } from '../format.js';
import { Status } from '../components/status.js';
import { ErrorBox, Loading } from '../components/error_box.js';
import { Pager, use_cursor_stack } from '../components/pager.js';

const page_size = 50;

/** The workflows page; route query {q}. */
export function Workflows({ query }) {
  const q = query.q || '';
  const [text, set_text] = useState(q);
  const stack = use_cursor_stack();
  useEffect(() => { stack.reset(); }, [q]);
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => navigate(['workflows'], { q: text }, true), 250);
    return () => clearTimeout(t);
  }, [text]);
  const list = use_fetch((s) => api.workflows({ q, limit: page_size, cursor: stack.cursor }, s), [q, stack.cursor]);
  const items = list.data ? list.data.items : [];
  return html`<section data-testid="view-workflows" data-ready=${list.data ? 'true' : 'false'}>
    <h1>Workflows</h1>
    <form class="row" role="search" onSubmit=${(e) => { e.preventDefault(); navigate(['workflows'], { q: text }, true); }}>
      <label for="wf-q">Search by name</label>
      <input id="wf-q" type="search" value=${text} onInput=${(e) => set_text(e.currentTarget.value)}
        placeholder="part of a name" data-testid="workflow-search" autocomplete="off"/>
    </form>
    <${ErrorBox} error=${list.error} what="the workflows"/>
    ${list.loading && !list.data && html`<${Loading} what="the workflows"/>`}
    ${list.data && html`<div class="scroll"><table class="table" data-testid="workflow-table">
      <thead><tr><th>Name</th><th>Id</th><th>Status</th><th>Version</th><th class="num">Revision</th><th>Updated</th></tr></thead>
      <tbody>${items.map((w) => html`<tr key=${w.id} data-testid="workflow-row" data-id=${w.id}>
        <td><a href=${href(['workflows', w.id])}>${w.name}</a></td><td class="mono">${w.id}</td>
        <td><${Status} value=${w.status}/></td><td>${w.version}</td><td class="num">${w.revision}</td>
        <td>${time(w.updatedAt)}</td></tr>`)}
      </tbody></table></div>
      ${items.length === 0 && html`<p class="muted">No workflow ${q ? `whose name contains "${q}"` : 'is stored yet'}.</p>`}
      <${Pager} stack=${stack} next_cursor=${list.data.nextCursor} loading=${list.loading}/>`}
  </section>`;
}
