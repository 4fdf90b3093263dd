// Signing in and out: the check at load (GET /api/v1/auth/me), the password sign-in and the
// sign-out that revokes the tokens. The session itself (tokens, renewal) is session.js.
import { api } from './api.js';
import { bearer, end_session, keep_tokens, open_session, refresh_token, signed_in_as,
  unreachable } from './session.js';

/** Asks the node who the stored token is for and sets the session's mode from its answer. */
export async function check_session() {
  try {
    const me = await api.me();
    if (!me.authEnabled) return open_session();
    if (me.authenticated && bearer()) return signed_in_as(me);
    return end_session();
  } catch (e) {
    // An older node without the route has no authentication either.
    if (e.status === 404 || e.status === 405) return open_session();
    if (e.status === 401) return end_session(bearer() ? 'Your session ended; sign in again.' : null);
    return unreachable(`Could not ask the node who you are: ${e.message}`);
  }
}

/** After a stream was refused before it opened: asks who the token is for, which renews it on
 *  a 401 (revoked) and shows the login page when that is refused too. */
export function verify_session() {
  if (bearer()) api.me().catch(() => { /* unreachable: the stream retries */ });
}

/** Signs in with a password; throws the node's refusal (ApiError). */
export async function sign_in(username, password) {
  keep_tokens(await api.signIn(username, password));
}

/** Revokes the refresh token, then the access token, and forgets both (whatever the node says). */
export async function sign_out() {
  const refresh = refresh_token();
  try {
    if (refresh) await api.revoke(refresh);
    await api.revoke();
  } catch { /* the tokens are forgotten below anyway */ }
  end_session('You signed out.');
}
