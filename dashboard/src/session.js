// The sign-in session: the tokens (kept in sessionStorage, so a reload stays signed in and a
// closed tab does not), the user, and the access token renewed with the refresh token shortly
// before it expires. Its mode: 'checking' at load, 'open' on a node without authentication,
// 'signed-out' (the login page), 'signed-in', or 'unreachable' (the check failed).
const storage_key = 'auraos.session';
const listeners = new Set();

let tokens = load();   // {access, refresh, expiresAt (ms), user: {id, username, role, permissions}}
let mode = 'checking';
let notice = null;     // why the last session ended, or why the check failed
let timer = null;
let renewing = null;   // the renewal in flight (one at a time)

function load() {
  try { return JSON.parse(sessionStorage.getItem(storage_key)) || null; } catch { return null; }
}

function set_mode(next, why = null) {
  mode = next;
  notice = why;
  for (const f of listeners) f(session_state());
}

/** The margin before expiry at which the access token is renewed: a fifth of its life, at most 60 s. */
function margin_ms(t) {
  return Math.min(60000, (t.lifetimeMs || 900000) / 5);
}

function schedule() {
  clearTimeout(timer);
  if (!tokens) return;
  timer = setTimeout(() => { renew(); }, Math.max(1000, tokens.expiresAt - margin_ms(tokens) - Date.now()));
}

/** {mode, user, notice}. */
export function session_state() {
  return { mode, user: tokens && mode === 'signed-in' ? tokens.user : null, notice };
}

/** Calls f(state) on each change; answers the remover. */
export function on_session(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The access token to send, or null. */
export const bearer = () => (tokens ? tokens.access : null);

/** The refresh token, or null. */
export const refresh_token = () => (tokens ? tokens.refresh : null);

/** url with ?access_token= (or &) added when signed in: EventSource cannot send headers. */
export function with_token(url) {
  if (!tokens) return url;
  return url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(tokens.access);
}

/** Keeps an answer of POST /auth/token ({accessToken, expiresIn, refreshToken, user}); signed in. */
export function keep_tokens(answer) {
  const lifetime = (answer.expiresIn || 900) * 1000;
  tokens = { access: answer.accessToken, refresh: answer.refreshToken, lifetimeMs: lifetime,
    expiresAt: Date.now() + lifetime, user: answer.user };
  sessionStorage.setItem(storage_key, JSON.stringify(tokens));
  schedule();
  set_mode('signed-in');
}

/** Takes the user of GET /auth/me (its permissions are the token's); signed in. */
export function signed_in_as(me) {
  tokens = { ...tokens, user: { id: me.id, username: me.username, role: me.role, permissions: me.permissions || [] } };
  sessionStorage.setItem(storage_key, JSON.stringify(tokens));
  schedule();
  set_mode('signed-in');
}

/** Forgets the tokens and shows the login page (why: a line above it, or null). */
export function end_session(why = null) {
  clearTimeout(timer);
  tokens = null;
  sessionStorage.removeItem(storage_key);
  set_mode('signed-out', why);
}

/** The node has no authentication: everything is allowed, nothing is sent. */
export function open_session() {
  clearTimeout(timer);
  tokens = null;
  sessionStorage.removeItem(storage_key);
  set_mode('open');
}

/** The sign-in check could not reach the node (why: its message). */
export const unreachable = (why) => set_mode('unreachable', why);

/** Renews the access token with the refresh token; true when renewed. A refused renewal ends the
 *  session; an unreachable or busy node is asked again in 5 s. */
export function renew() {
  if (renewing) return renewing;
  if (!tokens || !tokens.refresh) {
    end_session(mode === 'signed-in' ? 'Your session ended; sign in again.' : null);
    return Promise.resolve(false);
  }
  const spent = tokens.refresh;
  const retry_later = () => { clearTimeout(timer); timer = setTimeout(() => { renew(); }, 5000); };
  renewing = (async () => {
    try {
      const res = await fetch('/api/v1/auth/token', { method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: spent }) });
      const body = await res.json().catch(() => null);
      if (!tokens || tokens.refresh !== spent) return false;  // signed out meanwhile
      if (res.ok && body && body.accessToken) { keep_tokens(body); return true; }
      // Busy or failing (429, 5xx): the refresh token was not spent; try again in 5 s.
      if (res.status === 429 || res.status >= 500) retry_later();
      else end_session(`Your session ended: ${body && body.error ? body.error.message : res.status + ' ' + res.statusText}`);
    } catch {
      retry_later();  // the node is not reachable (restarting?): keep the tokens
    } finally {
      renewing = null;
    }
    return false;
  })();
  return renewing;
}

/** Renews first when the access token is about to expire (a tab asleep past its timer). */
export async function renew_if_due() {
  if (tokens && Date.now() > tokens.expiresAt - margin_ms(tokens)) await renew();
}
