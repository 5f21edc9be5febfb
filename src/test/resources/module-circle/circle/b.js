/* Re-exports c.js, named from the pages' root. */
export { c as b } from '/shared/c.js';
