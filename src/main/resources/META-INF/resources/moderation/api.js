/*
 * The console's calls to the moderation and admin doors: HTTP Basic done by the page, the credentials in an
 * Authorization header on every fetch (never a cookie, so no CSRF), and a 401 ending the session.
 */
import { request } from '../shared/http.js';
import { session } from './session.js';

let unauthorized = () => {};

/** Who handles a 401 on a call made with the session's credentials (signing out, wired by console.js). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** The service refused the session's credentials (a 401): the session ends, saying so. */
export function sessionEnded() {
  unauthorized('Your session has ended. Please sign in again.');
}

/**
 * One call: {@code options} body (JSON), ifMatch (a version, sent as If-Match), token (credentials being tried, for
 * which a 401 is an answer rather than the end of the session). Rejects with Error('unauthorized') after a 401.
 */
export async function call(method, path, options = {}) {
  const headers = {};
  const auth = session();
  const token = options.token || (auth && auth.token);
  if (token) headers.Authorization = 'Basic ' + token;
  if (options.ifMatch !== undefined) headers['If-Match'] = '"' + options.ifMatch + '"';
  const answer = await request(path, { method, headers, body: options.body, cache: 'no-store' });
  if (answer.status === 401 && !options.token) {
    sessionEnded();
    throw new Error('unauthorized');
  }
  return answer;
}

/** One comment with everything and its history: {@code GET /api/moderation/comments/{id}}. */
export function fetchComment(id) {
  return call('GET', '/api/moderation/comments/' + id);
}

export function basicToken(user, password) {
  let binary = '';
  new TextEncoder().encode(user + ':' + password).forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}
