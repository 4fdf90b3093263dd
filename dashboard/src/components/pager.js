// Cursor paging: a stack of the cursors that led to the current page, so Previous pops
// and Next pushes the page's nextCursor. Never counts or fetches the whole list.
import { useState } from 'preact/hooks';
import { html } from '../html.js';

/** A hook answering {cursor, page, next(c), previous(), reset()}. */
export function use_cursor_stack() {
  const [stack, set_stack] = useState([]);
  return {
    cursor: stack.length ? stack[stack.length - 1] : undefined,
    page: stack.length + 1,
    next: (c) => set_stack((s) => [...s, c]),
    previous: () => set_stack((s) => s.slice(0, -1)),
    reset: () => set_stack([]),
  };
}

/** Previous / Next buttons for a list answer {nextCursor}. */
export function Pager({ stack, next_cursor, loading }) {
  return html`<nav class="pager" aria-label="Pages">
    <button type="button" onClick=${stack.previous} disabled=${stack.page === 1 || loading}
      data-testid="page-previous">← Previous</button>
    <span data-testid="page-number">Page ${stack.page}</span>
    <button type="button" onClick=${() => stack.next(next_cursor)} disabled=${!next_cursor || loading}
      data-testid="page-next">Next →</button>
  </nav>`;
}
