// A modal confirmation on the native <dialog>: showModal makes the page inert (focus stays
// inside), Escape cancels, and focus returns to the element that opened it.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';

/** <Confirm open title onConfirm onCancel busy>body</Confirm>. */
export function Confirm({ open, title, confirm_label, onConfirm, onCancel, busy, children }) {
  const ref = useRef(null);
  const opener = useRef(null);
  useEffect(() => {
    const d = ref.current;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
      if (opener.current && opener.current.focus) opener.current.focus();
    }
  }, [open]);
  const cancel = (ev) => { ev.preventDefault(); if (!busy) onCancel(); };
  return html`<dialog ref=${ref} class="dialog" onCancel=${cancel} aria-labelledby="dialog-title"
      data-testid="confirm-dialog">
    <h2 id="dialog-title">${title}</h2>
    <div>${children}</div>
    <div class="row end">
      <button type="button" onClick=${cancel} disabled=${busy} data-testid="confirm-cancel" autofocus>Back</button>
      <button type="button" class="primary" onClick=${onConfirm} disabled=${busy}
        data-testid="confirm-ok">${confirm_label || 'Confirm'}</button>
    </div>
  </dialog>`;
}
