// Plain functions over the supervision tree JSON ({name, kind, restarts, children}).

/** Each node of the tree with its path ('node/executions-service'), depth first. */
export function flatten(tree, parent = '') {
  if (!tree) return [];
  const path = parent ? parent + '/' + tree.name : tree.name;
  return [{ path, node: tree }, ...(tree.children || []).flatMap((c) => flatten(c, path))];
}

/** The sum of every node's restarts. */
export function total_restarts(tree) {
  return flatten(tree).reduce((n, { node }) => n + (node.restarts || 0), 0);
}

/** The nodes whose last failure is known: [{path, node}]. */
export function failures(tree) {
  return flatten(tree).filter(({ node }) => node.lastFailure);
}

/** The node at path, or null. */
export function find(tree, path) {
  return flatten(tree).find((e) => e.path === path) || null;
}
