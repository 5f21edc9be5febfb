/*
 * The public door of the service, as the reader embed calls it. The service is the folder above /embed/, found from
 * this module's own address, so the section works from any page on any allowed origin.
 */
import { request } from '../shared/http.js';

const SERVICE = new URL('../', import.meta.url);

function api(path) {
  return new URL(path.replace(/^\//, ''), SERVICE).toString();
}

function articlePath(articleId) {
  return '/api/articles/' + encodeURIComponent(articleId) + '/comments';
}

/** What a form must know ({@code honeypotField}, {@code maxBodyLength}); null when the call fails. */
export async function formRules() {
  try {
    const answer = await request(api('/api/comment-form'));
    return answer.ok ? answer.body : null;
  } catch (e) {
    return null;
  }
}

/**
 * One page of an article's approved comments; rejects when it cannot be had. 'no-cache' revalidates with the page's
 * ETag on every load: a 304 costs the server no database work, and a reader who reloads right after a moderator's
 * decision never sees a copy held by max-age (CDNs still may).
 */
export async function commentPage(articleId, limit, after) {
  const url = api(articlePath(articleId)) + '?limit=' + limit + (after ? '&after=' + encodeURIComponent(after) : '');
  const answer = await request(url, { cache: 'no-cache' });
  if (!answer.ok || !answer.body) throw new Error('status ' + answer.status);
  return answer.body;
}

/** Posts a comment; answers the whole answer ({@code status, body, headers}), rejects only on a network failure. */
export function postComment(articleId, payload) {
  return request(api(articlePath(articleId)), { method: 'POST', body: payload });
}

/** Confirms an address from the mailed link's token: 200 {@code {email, commenterKey}}, 400 for a used or old link. */
export function verifyAddress(token) {
  return request(api('/api/commenters/verify'), { method: 'POST', body: { token } });
}

/** Makes the service forget a browser's key (always 204). */
export function forgetKey(commenterKey) {
  return request(api('/api/commenters/forget'), { method: 'POST', body: { commenterKey } });
}

/** Reports a published comment: 202, 400 with violations, 404 when it is no longer published, 429 with Retry-After. */
export function reportComment(id, reason, note) {
  const body = { reason };
  if (note) body.note = note;
  return request(api('/api/comments/' + encodeURIComponent(id) + '/reports'), { method: 'POST', body });
}

function ownPath(id) {
  return api('/api/comments/' + encodeURIComponent(id));
}

/** The author's view of their own comment (any status), proved by the editToken kept since posting it. */
export function ownCommentView(id, editToken) {
  return request(ownPath(id), { headers: { 'Comment-Token': editToken }, cache: 'no-store' });
}

/** Changes the body of the author's comment: 200 with the author's view, 403 once the edit window has closed. */
export function editComment(id, editToken, body) {
  return request(ownPath(id), { method: 'PATCH', headers: { 'Comment-Token': editToken }, body: { body } });
}

/** Deletes the author's comment: 204. */
export function deleteComment(id, editToken) {
  return request(ownPath(id), { method: 'DELETE', headers: { 'Comment-Token': editToken } });
}

/** Asks for a mailed link to a copy ({@code export}) or the erasure ({@code erase}) of an address's data: 202. */
export function requestData(email, kind) {
  return request(api('/api/commenters/data-request'), { method: 'POST', body: { email, kind } });
}
