// The header's signed-in user: name, role and Sign out (nothing on a node without auth).
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { sign_out } from '../auth.js';

/** <UserMenu user/>: user {username, role} or null. */
export function UserMenu({ user }) {
  const [busy, set_busy] = useState(false);
  if (!user) return null;
  const out = async () => { set_busy(true); await sign_out(); };
  return html`<span class="user" data-testid="user-menu">
    <span title="Signed in as"><strong data-testid="user-name">${user.username}</strong>${' '}
      <span class="status" data-testid="user-role" title="Role">${user.role}</span></span>
    <button type="button" onClick=${out} disabled=${busy} data-testid="sign-out">Sign out</button>
  </span>`;
}
