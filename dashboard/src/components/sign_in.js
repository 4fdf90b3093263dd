// The login page of a node with authentication: username and password, the node's refusal
// shown under the form (e.g. 401 "sign-in refused: wrong username or password").
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { sign_in } from '../auth.js';
import { ErrorBox } from './error_box.js';

/** <SignIn notice/>: notice is a line above the form (why the last session ended). */
export function SignIn({ notice }) {
  const [username, set_username] = useState('');
  const [password, set_password] = useState('');
  const [busy, set_busy] = useState(false);
  const [error, set_error] = useState(null);
  const first = useRef(null);
  useEffect(() => {
    document.title = 'Sign in · AuraOS';
    first.current.focus();
  }, []);
  const submit = async (ev) => {
    ev.preventDefault();
    set_busy(true); set_error(null);
    try { await sign_in(username.trim(), password); } catch (e) { set_error(e); set_busy(false); }
  };
  const field = (set) => (e) => set(e.currentTarget.value);
  return html`<main id="main" class="sign-in" data-testid="view-sign-in" data-ready="true">
    <form class="card stack" onSubmit=${submit} aria-labelledby="sign-in-title" data-testid="sign-in-form">
      <h1 id="sign-in-title">Sign in to AuraOS</h1>
      ${notice && html`<p class="muted" role="status" data-testid="sign-in-notice">${notice}</p>`}
      <label for="sign-in-username">Username</label>
      <input id="sign-in-username" ref=${first} autocomplete="username" required value=${username}
        onInput=${field(set_username)} data-testid="sign-in-username"/>
      <label for="sign-in-password">Password</label>
      <input id="sign-in-password" type="password" autocomplete="current-password" required value=${password}
        onInput=${field(set_password)} data-testid="sign-in-password"/>
      <div class="row"><button type="submit" class="primary" disabled=${busy}
        data-testid="sign-in-submit">${busy ? 'Signing in…' : 'Sign in'}</button></div>
      <${ErrorBox} error=${error} testid="sign-in-error"/>
    </form>
  </main>`;
}
