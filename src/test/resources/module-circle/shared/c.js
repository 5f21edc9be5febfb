/* Closes the circle with a dynamic import, when it is called. */
export function c() {
  return import('../circle/a.js');
}
