/*
 * The moderator console, loaded as an ES module by index.html (no build step). It wires the page's controls to the
 * views, and the views to each other. Modules import only modules below them, never round in a circle (PageModulesTest
 * holds them to it; docs/architecture.md draws them): where a lower module must reach a higher one (a comment's buttons
 * decide and ban, a session's start loads the queue, the stream's events change the list, Moderate in Articles opens
 * the queue), it takes a callback, handed over here, as the reader embed's section.js does. Helpers shared with the
 * embed live in /shared/.
 *
 * Like the reader embed, it inserts no HTML but the server's sanitized bodyHtml; everything else is built with
 * createElement and textContent.
 */
import { onUnauthorized } from './api.js';
import { loadArticles, loadMoreArticles, onModerate } from './articles.js';
import { bannedAuthor, forgetBans, openBan } from './bans.js';
import { bulk, decide } from './decisions.js';
import { onKey } from './keyboard.js';
import { selectAll, setItemActions } from './list.js';
import { liveEvent } from './live.js';
import {
  applyFilters, catchUp, clearFilters, filterByArticle, loadMore, loadQueue, loadRuleNames, onTabKey, resetQueue,
  selectTab
} from './queue.js';
import { loadSettings, resetSettings, saveSettings } from './rules.js';
import { session } from './session.js';
import { onSession, resume, signIn, signOut } from './signin.js';
import { onStream, startStream, stopStream } from './stream.js';
import { $ } from './ui.js';
import { onShowView, showView } from './views.js';

/** A session started: the queue, then the rule filter's choices, then live updates. */
async function opened() {
  showView('queue');
  loadQueue();
  // before the stream, whose "live" tells that the console is ready: the rule filter then offers every rule
  await loadRuleNames();
  if (session()) startStream();
}

/** The session ended: no more live updates, and nothing it showed stays. */
function closed() {
  stopStream();
  resetQueue();
  forgetBans();
}

/** The callbacks by which lower modules reach higher ones. */
function wire() {
  onUnauthorized(signOut);
  onSession(opened, closed);
  setItemActions({ decide, openBan, banOf: bannedAuthor });
  onStream(catchUp, liveEvent);
  onShowView('articles', () => loadArticles(null));
  onShowView('settings', loadSettings);
  onModerate((articleId) => {
    showView('queue');
    filterByArticle(articleId);
  });
}

function listen() {
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
  $('filter-clear').addEventListener('click', clearFilters);
  $('select-all').addEventListener('change', () => selectAll($('select-all').checked));
  document.querySelectorAll('[data-bulk]').forEach((button) => {
    button.addEventListener('click', () => bulk(button.getAttribute('data-bulk')));
  });
  $('queue-more').addEventListener('click', loadMore);
  $('articles-more').addEventListener('click', loadMoreArticles);
  $('settings-form').addEventListener('submit', saveSettings);
  $('settings-reset').addEventListener('click', resetSettings);
  document.addEventListener('keydown', onKey);
}

// A module runs after the document is parsed, like a deferred script
wire();
listen();
resume();
