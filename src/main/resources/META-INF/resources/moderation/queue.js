/*
 * The queue view: one tab (Pending, Reported, Approved, Rejected, Spam) under the filters (article, rule that fired),
 * loaded a page at a time with Load more, and what belongs in it. list.js keeps the comments on show.
 */
import { problemText } from '../shared/http.js';
import { call, fetchComment } from './api.js';
import { fillHistory } from './item.js';
import {
  addItem, clearList, currentId, firstId, forgetSelection, indexOf, isShown, listChanged, select, setCurrentId,
  showDecidedElsewhere, shownItems
} from './list.js';
import { $, announce, failed, notice, toast } from './ui.js';

const PAGE_SIZE = 50;

const filters = { status: 'PENDING', articleId: '', rule: '' };
let next = null;          // the cursor of the next page, null on the last
let missedBelow = 0;      // comments that arrived for pages not loaded yet
let loadSeq = 0;          // the latest load: an earlier one's answer is dropped
let loadedOnce = false;

function queueUrl(after, limit) {
  const params = new URLSearchParams();
  params.set('status', filters.status);
  if (filters.articleId) params.set('articleId', filters.articleId);
  if (filters.rule) params.set('rule', filters.rule);
  params.set('limit', String(limit || PAGE_SIZE));
  if (after) params.set('after', after);
  return '/api/moderation/queue?' + params.toString();
}

/** Forgets the list (signing out). */
export function resetQueue() {
  clearList(false);
  setCurrentId(null, false);
  loadedOnce = false;
}

/**
 * Loads the first page again. With {@code keep} (a reconnected stream) the highlighted comment and the selection stay
 * where they still apply; a highlighted comment that left the tab meanwhile (decided elsewhere while the stream was
 * down) is shown again, saying so, and keeps the highlight.
 */
export async function loadQueue(keep) {
  const seq = ++loadSeq;
  const keepId = keep ? currentId() : null;
  const keepIndex = keepId != null ? indexOf(keepId) : -1;
  const list = $('queue-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await call('GET', queueUrl(null));
    if (seq !== loadSeq) return;
    list.removeAttribute('aria-busy');
    if (!answer.ok) {
      showQueueProblem(answer);
      return;
    }
    notice('queue-notice', null);
    clearList(keep);
    missedBelow = 0;
    next = answer.body.next || null;
    (answer.body.comments || []).forEach((item) => addItem(item));
    loadedOnce = true;
    if (keepId != null && indexOf(keepId) < 0) {
      // Nothing is highlighted until we know what became of it, so that no shortcut meets another comment
      setCurrentId(null, false);
      afterListChange();
      await bringBackDecided(keepId, keepIndex, seq);
      return;
    }
    setCurrentId(keepId != null ? keepId : firstId(), false);
    afterListChange();
  } catch (e) {
    list.removeAttribute('aria-busy');
    failed(e);
  }
}

/** The stream (re)connected: whatever happened before it listened is in a fresh first page, once one was shown. */
export function catchUp() {
  if (loadedOnce) loadQueue(true);
}

async function bringBackDecided(id, position, seq) {
  try {
    const answer = await fetchComment(id);
    if (seq !== loadSeq || currentId() != null) return;
    if (answer.ok && !belongsHere(answer.body)) {
      showDecidedElsewhere(answer.body, position);
      return;
    }
  } catch (e) {
    failed(e);
  }
  if (seq === loadSeq && currentId() == null) setCurrentId(firstId(), false);
}

/** A 400 names the filter it refuses; anything else shows the problem's own words. */
function showQueueProblem(answer) {
  clearList(false);
  setCurrentId(null, false);
  next = null;
  afterListChange();
  $('queue-empty').hidden = true;
  const fields = answer.body && answer.body.violations ? answer.body.violations.map((v) => v.field) : [];
  if (answer.status === 400 && fields.includes('articleId')) {
    notice('queue-notice', 'That is not a valid article id.', 'error');
  } else {
    notice('queue-notice', problemText(answer, 'The queue could not be loaded'), 'error');
  }
}

export async function loadMore() {
  if (!next) return;
  const button = $('queue-more');
  button.disabled = true;
  try {
    const answer = await call('GET', queueUrl(next));
    if (!answer.ok) {
      toast(problemText(answer, 'More comments could not be loaded'), 'error');
      return;
    }
    const before = shownItems().length;
    next = answer.body.next || null;
    (answer.body.comments || []).forEach((item) => {
      if (!isShown(item.id)) addItem(item);
    });
    if (!next) missedBelow = 0;
    afterListChange();
    const first = shownItems()[before];
    if (first) select(first.id, true);
  } catch (e) {
    failed(e);
  } finally {
    button.disabled = false;
  }
}

/** After the list or its paging changed: Load more (saying how many arrived below), then the list's own notices. */
function afterListChange() {
  $('queue-more').hidden = !next;
  if (missedBelow > 0 && next) {
    $('queue-more').textContent = 'Load more (' + missedBelow + ' new)';
  } else {
    $('queue-more').textContent = 'Load more';
  }
  listChanged();
}

/* ---------- What belongs in the tab ---------- */

/** The status of the tab on show (PENDING, REPORTED, ...). */
export function tabStatus() {
  return filters.status;
}

/** Whether a comment belongs in the list as filtered now (Reported: published with open reports). */
export function belongsHere(item) {
  if (filters.status === 'REPORTED') {
    if (item.status !== 'APPROVED' || !(item.openReports > 0)) return false;
  } else if (item.status !== filters.status) {
    return false;
  }
  if (filters.articleId && item.articleId !== filters.articleId) return false;
  return matchesRule(item);
}

/**
 * The server filters the pages by rule; a comment that arrives alone (a live event, a reload after a decision) is
 * checked here against the same filter.
 */
function matchesRule(item) {
  if (!filters.rule) return true;
  const rules = item.autoDecision && item.autoDecision.rules ? item.autoDecision.rules : [];
  return rules.some((rule) => rule.name === filters.rule);
}

/** Whether a listed comment that is now in {@code status} may have left the tab (in Reported, any change may). */
export function mayHaveLeft(status) {
  return filters.status === 'REPORTED' || status !== filters.status;
}

/**
 * Whether a comment that came to {@code status} on article {@code articleId} may belong in the tab (never in
 * Reported: reports send no events, a reload shows new ones).
 */
export function mayArrive(status, articleId) {
  return !mayHaveLeft(status) && (!filters.articleId || articleId === filters.articleId);
}

/** For the stream: a new comment of this tab, added at the end when the last page is shown. */
export function addArrived(detail, isNew) {
  if (next) {
    // Oldest first: it belongs after pages not loaded yet
    missedBelow += 1;
    afterListChange();
    announce('A new comment arrived at the end of the queue.');
    return;
  }
  const node = addItem(detail);
  fillHistory(node, detail.history || []);
  node.classList.add('is-new');
  setTimeout(() => { node.classList.remove('is-new'); }, 4000);
  if (currentId() == null) setCurrentId(firstId(), false);
  afterListChange();
  announce((isNew ? 'New comment from ' : 'Comment back in this queue: ') + detail.authorName + '.');
}

/* ---------- Filters and tabs ---------- */

export function selectTab(status, focus) {
  filters.status = status;
  document.querySelectorAll('[role="tab"]').forEach((tab) => {
    const on = tab.getAttribute('data-status') === status;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
    if (on) $('queue-panel').setAttribute('aria-labelledby', tab.id);
  });
  forgetSelection();
  loadQueue(false);
}

/** Offers in the rule filter every rule the service has ({@code GET /api/moderation/rules}), keeping the choice. */
export async function loadRuleNames() {
  const select = $('filter-rule');
  try {
    const answer = await call('GET', '/api/moderation/rules');
    if (!answer.ok) return;
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    answer.body.rules.forEach((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      select.appendChild(option);
    });
    select.value = chosen;
  } catch (e) { /* the filter offers "any rule" until the next sign-in */ }
}

export function applyFilters(event) {
  if (event) event.preventDefault();
  filters.articleId = $('filter-article').value.trim();
  filters.rule = $('filter-rule').value;
  loadQueue(false);
}

export function clearFilters() {
  $('filter-article').value = '';
  $('filter-rule').value = '';
  applyFilters();
}

/** The queue of one article (Moderate, in Articles). */
export function filterByArticle(articleId) {
  $('filter-article').value = articleId;
  applyFilters();
}

export function onTabKey(event) {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const index = tabs.indexOf(event.target);
  if (index < 0) return;
  let target = null;
  if (event.key === 'ArrowRight') target = tabs[(index + 1) % tabs.length];
  else if (event.key === 'ArrowLeft') target = tabs[(index - 1 + tabs.length) % tabs.length];
  else if (event.key === 'Home') target = tabs[0];
  else if (event.key === 'End') target = tabs[tabs.length - 1];
  if (target) {
    event.preventDefault();
    selectTab(target.getAttribute('data-status'), true);
  }
}
