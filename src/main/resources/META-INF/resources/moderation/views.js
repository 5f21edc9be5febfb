/*
 * The console's views (Queue, and for admins Articles and Rules): one shown at a time, each its own main landmark.
 * What showing a view loads is wired by console.js (onShowView).
 */
import { $ } from './ui.js';

const loaders = {};       // view name -> what showing it loads

export function onShowView(name, load) {
  loaders[name] = load;
}

export function showView(name) {
  document.querySelectorAll('.view-link').forEach((link) => {
    if (link.getAttribute('data-view') === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  $('queue-view').hidden = name !== 'queue';
  $('articles-view').hidden = name !== 'articles';
  $('settings-view').hidden = name !== 'settings';
  document.querySelector('.side').hidden = name !== 'queue';
  document.querySelector('.layout').classList.toggle('layout-wide', name !== 'queue');
  if (loaders[name]) loaders[name]();
}
