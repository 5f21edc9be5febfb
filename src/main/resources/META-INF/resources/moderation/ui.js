/* The console's page: its elements by id, the screen readers' live region, the toast, and the notices of the views. */
import { announceIn } from '../shared/dom.js';

export const $ = (id) => document.getElementById(id);

export function announce(text) {
  announceIn($('live'), text);
}

let toastTimer = null;

export function toast(text, kind) {
  const node = $('toast');
  node.textContent = text;
  node.className = 'toast toast-' + (kind || 'info');
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 6000);
}

/** Shows {@code text} in the notice {@code id}, or hides it when there is no text. */
export function notice(id, text, kind) {
  const node = $(id);
  if (!text) {
    node.hidden = true;
    node.textContent = '';
    return;
  }
  node.textContent = text;
  node.className = 'notice notice-' + (kind || 'info');
  node.hidden = false;
}

/** For a failed call's catch: a network failure gets a toast; a 401 has already signed out. */
export function failed(error) {
  if (error && error.message === 'unauthorized') return;
  toast('The service cannot be reached. Check your connection.', 'error');
}
