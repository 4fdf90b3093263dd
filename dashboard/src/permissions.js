// What the signed-in user's role allows, by the permissions of gateway/route_permissions.cpp:
// the dashboard hides the actions a role lacks and does not ask for data it cannot read.
import { session_state } from './session.js';

/** Whether the session allows perm ('workflow:read', ...); always on a node without auth.
 *  `admin` allows everything and `task:*` both task permissions. */
export function can(perm) {
  const { mode, user } = session_state();
  if (mode !== 'signed-in') return true;
  const granted = user.permissions || [];
  return granted.includes('admin') || granted.includes(perm) || granted.includes(perm.split(':')[0] + ':*');
}

/** The signed-in user's role ('viewer'), or null. */
export const role = () => (session_state().user || {}).role || null;

/** The read permission of each view's data (and of the GETs below /api/v1 it makes). */
export const section_permission = {
  supervision: 'cluster:read', cluster: 'cluster:read', workflows: 'workflow:read',
  executions: 'workflow:read', tasks: 'task:read', events: 'event:read',
};

const reads = [
  [/^\/(cluster|supervision)([/?]|$)/, 'cluster:read'],
  [/^\/(workflows|executions)([/?]|$)/, 'workflow:read'],
  [/^\/(tasks|task-executions|task-queues)([/?]|$)/, 'task:read'],
  [/^\/(events|event-patterns)([/?]|$)/, 'event:read'],
];

/** The permission a GET of path (below /api/v1) needs, or null. */
export function read_permission(path) {
  const found = reads.find(([re]) => re.test(path));
  return found ? found[1] : null;
}
