/*
 * The reader's confirmed address: the link of the confirmation mail leads to the article page with ?token=…, and
 * the embed on that page confirms it once, keeps the commenterKey it gets, and takes the token out of the address
 * bar (so that a reload, a bookmark or a shared link never uses it again). Also the page's own address as the
 * service is told it: without the token and without the fragment.
 */
import { commenterKeys, forgetCommenterKeys, storeCommenterKey } from './memory.js';
import { forgetKey, verifyAddress } from './service.js';

const TOKEN = 'token';
let confirming = null;

/** location.href without the token parameter and without the fragment. */
export function pageUrl() {
  const url = new URL(window.location.href);
  url.searchParams.delete(TOKEN);
  url.hash = '';
  return url.toString();
}

function dropTokenFromAddressBar() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(TOKEN)) return;
  url.searchParams.delete(TOKEN);
  try {
    window.history.replaceState(window.history.state, '', url.toString());
  } catch (e) {
    // a sandboxed page may refuse; the token is single use anyway
  }
}

/**
 * Confirms the token of the page's address, once per page however many sections it has. Answers null when there
 * is none, else {@code {kind: 'confirmed'|'invalid'|'failed', email?}}; 'failed' (no answer, or a 5xx) keeps the
 * token in the address bar so that a reload tries again.
 */
export function confirmFromLink() {
  if (confirming) return confirming;
  const token = new URL(window.location.href).searchParams.get(TOKEN);
  if (!token) {
    confirming = Promise.resolve(null);
    return confirming;
  }
  confirming = verifyAddress(token).then((answer) => {
    const body = answer.body || {};
    if (answer.status === 200 && body.email && body.commenterKey) {
      storeCommenterKey(body.email, body.commenterKey);
      dropTokenFromAddressBar();
      return { kind: 'confirmed', email: body.email };
    }
    if (answer.status >= 400 && answer.status < 500) {
      dropTokenFromAddressBar();
      return { kind: 'invalid' };
    }
    return { kind: 'failed' };
  }, () => ({ kind: 'failed' }));
  return confirming;
}

/** What to tell the reader about the link they followed. */
export function confirmationText(result) {
  if (result.kind === 'confirmed') {
    return 'Your address ' + result.email + ' is confirmed. Thank you! Your comments from this browser are '
      + 'recognised as yours.';
  }
  if (result.kind === 'invalid') {
    return 'This confirmation link cannot be used: it has been used already or it has expired. '
      + 'Post a comment with your address to get a new one.';
  }
  return 'Your address could not be confirmed just now. Please reload the page to try again.';
}

/** Tells the service to forget every key this browser holds, then forgets them here; answers whether all went. */
export async function forgetThisBrowser() {
  const keys = commenterKeys();
  let ok = true;
  for (const key of keys) {
    try {
      const answer = await forgetKey(key);
      if (answer.status !== 204 && answer.status !== 200) ok = false;
    } catch (e) {
      ok = false;
    }
  }
  // Even when the service could not be told, this browser stops using the keys: the reader asked for that
  forgetCommenterKeys();
  return ok;
}
