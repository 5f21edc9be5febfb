/*
 * Who is signed in, in this tab: {user, token, admin}, the token being HTTP Basic's. Kept in sessionStorage, for this
 * tab only, so that a reload stays signed in; signing out or closing the tab forgets it.
 */
const STORAGE_KEY = 'comments-console';

let current = null;

/** The signed-in user's {user, token, admin}, or null. */
export function session() {
  return current;
}

export function keepSession(auth) {
  current = auth;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
}

/** Takes up this tab's saved session (after a reload) and answers it, or null when there is none. */
export function resumeSession() {
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY)); } catch (e) { saved = null; }
  if (!saved || !saved.token || !saved.user) return null;
  current = saved;
  return current;
}

export function endSession() {
  sessionStorage.removeItem(STORAGE_KEY);
  current = null;
}
