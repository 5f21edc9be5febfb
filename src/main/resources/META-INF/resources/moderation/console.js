/*
 * The moderator console, loaded as an ES module by index.html (no build step). It wires the page's controls to the
 * views: signin.js (HTTP Basic done by the page, credentials in sessionStorage for this tab only, so no cookie and no
 * CSRF), queue.js with item.js, decisions.js, keyboard.js and bans.js, stream.js (live updates), and for admins
 * articles.js and rules.js. Helpers shared with the reader embed live in /shared/.
 *
 * Like the reader embed, it inserts no HTML but the server's sanitized bodyHtml; everything else is built with
 * createElement and textContent.
 */
import { onUnauthorized } from './api.js';
import { loadArticles } from './articles.js';
import { bulk } from './decisions.js';
import { onKey } from './keyboard.js';
import { applyFilters, loadMore, onTabKey, selectAll, selectTab } from './queue.js';
import { resetSettings, saveSettings } from './rules.js';
import { resume, signIn, signOut } from './signin.js';
import { $, state } from './state.js';
import { showView } from './views.js';

function init() {
  onUnauthorized(signOut);
  $('login-form').addEventListener('submit', signIn);
  $('logout').addEventListener('click', () => signOut('You are logged out.'));
  document.querySelectorAll('.view-link').forEach((link) => {
    link.addEventListener('click', () => showView(link.getAttribute('data-view')));
  });
  document.querySelectorAll('[role="tab"]').forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab.getAttribute('data-status'), false));
    tab.addEventListener('keydown', onTabKey);
  });
  $('filters').addEventListener('submit', applyFilters);
  $('filter-clear').addEventListener('click', () => {
    $('filter-article').value = '';
    $('filter-rule').value = '';
    applyFilters();
  });
  $('select-all').addEventListener('change', () => selectAll($('select-all').checked));
  document.querySelectorAll('[data-bulk]').forEach((button) => {
    button.addEventListener('click', () => bulk(button.getAttribute('data-bulk')));
  });
  $('queue-more').addEventListener('click', loadMore);
  $('articles-more').addEventListener('click', () => loadArticles(state.articlesNext));
  $('settings-form').addEventListener('submit', saveSettings);
  $('settings-reset').addEventListener('click', resetSettings);
  document.addEventListener('keydown', onKey);
  resume();
}

// A module runs after the document is parsed, like a deferred script
init();
