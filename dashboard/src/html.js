// htm bound to preact's h: the one way the views write markup.
import { h } from 'preact';
import htm from 'htm';

/** Tagged template that builds preact elements. */
export const html = htm.bind(h);
