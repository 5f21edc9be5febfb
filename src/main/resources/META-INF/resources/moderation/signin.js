/*
 * Signing in and out. HTTP Basic done by the page: the login form checks the credentials against the queue, and
 * keeps them in sessionStorage, for this tab only; Log out or closing the tab forgets them.
 */
import { clear } from '../shared/dom.js';
import { basicToken, call } from './api.js';
import { loadQueue, loadRuleNames, resetQueue } from './queue.js';
import { startStream, stopStream } from './stream.js';
import { $, STORAGE_KEY, state } from './state.js';
import { showView } from './views.js';

export function showLogin(message) {
  $('app').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  error.hidden = !message;
  error.textContent = message || '';
  $('login-password').value = '';
  $('login-user').focus();
}

export async function signIn(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  const error = $('login-error');
  if (!user || !password) {
    error.textContent = 'Enter your username and password.';
    error.hidden = false;
    (user ? $('login-password') : $('login-user')).focus();
    return;
  }
  const token = basicToken(user, password);
  const button = $('login-submit');
  button.disabled = true;
  button.textContent = 'Signing in…';
  try {
    const answer = await call('GET', '/api/moderation/queue?limit=1', { token });
    if (answer.status === 401) throw new Error('Wrong username or password.');
    if (answer.status === 403) throw new Error('This account may not moderate comments.');
    if (!answer.ok) throw new Error('Signing in failed (error ' + answer.status + ').');
    const admin = await call('GET', '/api/admin/articles?limit=1', { token });
    state.auth = { user, token, admin: admin.ok };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state.auth));
    start();
  } catch (e) {
    error.textContent = e instanceof TypeError ? 'The service cannot be reached.' : e.message;
    error.hidden = false;
    $('login-password').value = '';
    $('login-password').focus();
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

export function signOut(message) {
  sessionStorage.removeItem(STORAGE_KEY);
  state.auth = null;
  stopStream();
  clear($('queue-list'));
  resetQueue();
  state.banned = {};
  state.loadedOnce = false;
  showLogin(message);
}

export async function start() {
  $('login-view').hidden = true;
  $('app').hidden = false;
  $('who-name').textContent = state.auth.user;
  $('who-role').textContent = state.auth.admin ? 'admin' : 'moderator';
  document.querySelectorAll('.admin-only').forEach((node) => { node.hidden = !state.auth.admin; });
  showView('queue');
  loadQueue();
  // before the stream, whose "live" tells that the console is ready: the rule filter then offers every rule
  await loadRuleNames();
  if (state.auth) startStream();
}

/** Signs in again with this tab's saved credentials, if any; else shows the login form. */
export function resume() {
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY)); } catch (e) { saved = null; }
  if (saved && saved.token && saved.user) {
    state.auth = saved;
    start();
  } else {
    showLogin(null);
  }
}
