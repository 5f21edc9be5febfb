/*
 * Signing in and out. HTTP Basic done by the page: the login form checks the credentials against the queue, and
 * session.js keeps them for this tab only; Log out or closing the tab forgets them. What the views do when a session
 * starts or ends is wired by console.js (onSession), so this module knows none of them.
 */
import { basicToken, call } from './api.js';
import { endSession, keepSession, resumeSession, session } from './session.js';
import { $ } from './ui.js';

let started = () => {};
let ended = () => {};

/** What starts with a session (the views load) and what ends with it (they forget what they showed). */
export function onSession(whenStarted, whenEnded) {
  started = whenStarted;
  ended = whenEnded;
}

function showLogin(message) {
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
    keepSession({ user, token, admin: admin.ok });
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
  endSession();
  ended();
  showLogin(message);
}

function start() {
  const auth = session();
  $('login-view').hidden = true;
  $('app').hidden = false;
  $('who-name').textContent = auth.user;
  $('who-role').textContent = auth.admin ? 'admin' : 'moderator';
  document.querySelectorAll('.admin-only').forEach((node) => { node.hidden = !auth.admin; });
  started();
}

/** Signs in again with this tab's saved credentials, if any; else shows the login form. */
export function resume() {
  if (resumeSession()) start();
  else showLogin(null);
}
