/*
 * The queue view: the list of one tab (Pending, Reported, Approved, Rejected, Spam) under the filters, paged with Load
 * more, the highlighted comment that shortcuts act on, and the selection for bulk decisions.
 *
 * The highlight is kept by comment id, never by position: comments that arrive, leave or are decided by another
 * moderator never move it to a different comment. A comment decided elsewhere stays in place, saying who decided it
 * and how (state.elsewhere), until this moderator moves the highlight on; then it leaves the list.
 */
import { clear } from '../shared/dom.js';
import { problemText } from '../shared/http.js';
import { call, fetchComment } from './api.js';
import { fillHistory, loadHistory, renderItem } from './item.js';
import { $, PAGE_SIZE, state } from './state.js';
import { announce, failed, notice, toast } from './ui.js';

function queueUrl(after, limit) {
  const params = new URLSearchParams();
  params.set('status', state.status);
  if (state.articleId) params.set('articleId', state.articleId);
  if (state.rule) params.set('rule', state.rule);
  params.set('limit', String(limit || PAGE_SIZE));
  if (after) params.set('after', after);
  return '/api/moderation/queue?' + params.toString();
}

/** Forgets the list (signing out). */
export function resetQueue() {
  state.items = [];
  state.nodes = {};
  state.selected = {};
  state.elsewhere = {};
  state.currentId = null;
}

/**
 * Loads the first page again. With {@code keep} (a reconnected stream) the highlighted comment and the selection stay
 * where they still apply; a highlighted comment that left the tab meanwhile (decided elsewhere while the stream was
 * down) is shown again, saying so, and keeps the highlight.
 */
export async function loadQueue(keep) {
  const seq = ++state.loadSeq;
  const keepId = keep ? state.currentId : null;
  const keepIndex = keepId != null ? indexOf(keepId) : -1;
  const list = $('queue-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await call('GET', queueUrl(null));
    if (seq !== state.loadSeq) return;
    list.removeAttribute('aria-busy');
    if (!answer.ok) {
      showQueueProblem(answer);
      return;
    }
    notice('queue-notice', null);
    clear(list);
    state.items = [];
    state.nodes = {};
    state.elsewhere = {};
    state.missedBelow = 0;
    if (!keep) state.selected = {};
    state.next = answer.body.next || null;
    (answer.body.comments || []).forEach((item) => addItem(item));
    state.loadedOnce = true;
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

async function bringBackDecided(id, position, seq) {
  try {
    const answer = await fetchComment(id);
    if (seq !== state.loadSeq || state.currentId != null) return;
    if (answer.ok && !belongsHere(answer.body)) {
      showDecidedElsewhere(answer.body, position);
      return;
    }
  } catch (e) {
    failed(e);
  }
  if (seq === state.loadSeq && state.currentId == null) setCurrentId(firstId(), false);
}

function firstId() {
  return state.items.length ? state.items[0].id : null;
}

/** A 400 names the filter it refuses; anything else shows the problem's own words. */
function showQueueProblem(answer) {
  clear($('queue-list'));
  state.items = [];
  state.nodes = {};
  state.elsewhere = {};
  state.currentId = null;
  state.next = null;
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
  if (!state.next) return;
  const button = $('queue-more');
  button.disabled = true;
  try {
    const answer = await call('GET', queueUrl(state.next));
    if (!answer.ok) {
      toast(problemText(answer, 'More comments could not be loaded'), 'error');
      return;
    }
    const before = state.items.length;
    state.next = answer.body.next || null;
    (answer.body.comments || []).forEach((item) => {
      if (!state.nodes[item.id]) addItem(item);
    });
    if (!state.next) state.missedBelow = 0;
    afterListChange();
    if (state.items.length > before) select(state.items[before].id, true);
  } catch (e) {
    failed(e);
  } finally {
    button.disabled = false;
  }
}

export function indexOf(id) {
  return state.items.findIndex((item) => item.id === id);
}

export function afterListChange() {
  const count = state.items.length;
  $('queue-empty').hidden = count > 0 || !$('queue-notice').hidden;
  $('queue-more').hidden = !state.next;
  if (state.missedBelow > 0 && state.next) {
    $('queue-more').textContent = 'Load more (' + state.missedBelow + ' new)';
  } else {
    $('queue-more').textContent = 'Load more';
  }
  Object.keys(state.selected).forEach((id) => { if (!state.nodes[id]) delete state.selected[id]; });
  updateSelection();
}

export function addItem(item, position) {
  const node = renderItem(item);
  const list = $('queue-list');
  if (position === undefined || position >= state.items.length) {
    state.items.push(item);
    list.appendChild(node);
  } else {
    list.insertBefore(node, state.nodes[state.items[position].id]);
    state.items.splice(position, 0, item);
  }
  state.nodes[item.id] = node;
  if (item.id === state.currentId) node.classList.add('is-current');
  return node;
}

/** Shows a newer copy of a listed comment; {@code detail} (with its history) fills the history at once. */
export function replaceItem(item, detail) {
  const index = indexOf(item.id);
  if (index < 0) return;
  const old = state.nodes[item.id];
  const hadFocus = old.contains(document.activeElement);
  const node = renderItem(item);
  old.parentNode.replaceChild(node, old);
  state.items[index] = item;
  state.nodes[item.id] = node;
  if (detail && detail.history) fillHistory(node, detail.history);
  if (item.id === state.currentId) setCurrentId(item.id, hadFocus);
}

/**
 * Takes a comment off the list. When it was the highlighted one (this moderator decided it), the highlight goes to
 * the comment that takes its place.
 */
export function removeItem(id) {
  const index = indexOf(id);
  if (index < 0) return;
  const node = state.nodes[id];
  const hadFocus = node.contains(document.activeElement);
  node.parentNode.removeChild(node);
  state.items.splice(index, 1);
  delete state.nodes[id];
  delete state.selected[id];
  delete state.elsewhere[id];
  if (state.currentId === id) {
    const next = state.items[Math.min(index, state.items.length - 1)];
    setCurrentId(next ? next.id : null, hadFocus);
  }
  afterListChange();
}

/**
 * A listed comment that another moderator decided (or the rules, or a reader's reports): it stays where it is, shown
 * as it is now with who decided it, out of the selection, until the moderator moves on. {@code position} puts it
 * back in the list when a reload had left it out.
 */
export function showDecidedElsewhere(detail, position) {
  state.elsewhere[detail.id] = { text: decidedText(detail) };
  delete state.selected[detail.id];
  if (indexOf(detail.id) >= 0) {
    replaceItem(detail, detail);
  } else {
    const node = addItem(detail, Math.max(0, position));
    fillHistory(node, detail.history || []);
    if (state.currentId == null) setCurrentId(detail.id, false);
  }
  afterListChange();
  return state.elsewhere[detail.id].text;
}

/** "Rejected by bob, 1 Dec 2026, 20:45": what a comment became and who decided it, from its moderation view. */
export function decidedText(detail) {
  const history = Array.isArray(detail.history) ? detail.history : [];
  const last = history.length ? history[history.length - 1] : null;
  const who = detail.moderatedBy || (last && last.actor) || 'someone else';
  const words = { APPROVED: 'Approved', REJECTED: 'Rejected', SPAM: 'Marked as spam', PENDING: 'Put back in Pending' };
  return (words[detail.status] || String(detail.status)) + ' by ' + who;
}

/** The highlight without any other effect; the list's rendering follows it. */
export function setCurrentId(id, focus) {
  state.currentId = id != null && state.nodes[id] ? id : null;
  state.items.forEach((item) => {
    state.nodes[item.id].classList.toggle('is-current', item.id === state.currentId);
  });
  if (state.currentId == null) return;
  const node = state.nodes[state.currentId];
  if (focus) {
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'nearest' });
  }
  loadHistory(node, state.currentId, false);
}

/**
 * The moderator moves the highlight to {@code id}: the comments decided elsewhere that were left on show for them
 * can go now.
 */
export function select(id, focus) {
  const moved = id !== state.currentId;
  setCurrentId(id, focus);
  if (moved) dropDecidedElsewhere();
}

/**
 * This moderator decided comment {@code id} and it leaves the tab; if it was the highlighted one, the highlight goes
 * to the next comment still to decide (else the previous one).
 */
export function decidedHere(id) {
  const index = indexOf(id);
  if (index < 0) return;
  const wasCurrent = state.currentId === id;
  removeItem(id);
  if (!wasCurrent) return;
  const open = (item) => !state.elsewhere[item.id];
  const target = state.items.slice(index).find(open) || state.items.slice(0, index).reverse().find(open);
  if (target) {
    select(target.id, true);
  } else {
    setCurrentId(null, false);
    dropDecidedElsewhere();
  }
}

function dropDecidedElsewhere() {
  Object.keys(state.elsewhere).map(Number).forEach((id) => {
    if (id !== state.currentId) removeItem(id);
  });
}

/** j and k: the next or previous comment still to decide, skipping those decided elsewhere meanwhile. */
export function moveBy(step) {
  if (!state.items.length) return;
  const from = indexOf(state.currentId);
  if (from < 0) {
    select(state.items[0].id, true);
    return;
  }
  let target = from;
  for (let i = from + step; i >= 0 && i < state.items.length; i += step) {
    if (!state.elsewhere[state.items[i].id]) {
      target = i;
      break;
    }
  }
  select(state.items[target].id, true);
}

export function currentItem() {
  const index = indexOf(state.currentId);
  return index >= 0 ? state.items[index] : null;
}

/** Whether a comment belongs in the list as filtered now (Reported: published with open reports). */
export function belongsHere(item) {
  if (state.status === 'REPORTED') {
    if (item.status !== 'APPROVED' || !(item.openReports > 0)) return false;
  } else if (item.status !== state.status) {
    return false;
  }
  if (state.articleId && item.articleId !== state.articleId) return false;
  return matchesRule(item);
}

/**
 * The server filters the pages by rule; a comment that arrives alone (a live event, a reload after a decision) is
 * checked here against the same filter.
 */
function matchesRule(item) {
  if (!state.rule) return true;
  const rules = item.autoDecision && item.autoDecision.rules ? item.autoDecision.rules : [];
  return rules.some((rule) => rule.name === state.rule);
}

/** Comments that a bulk decision may take: listed, not decided elsewhere. */
function selectable() {
  return state.items.filter((item) => !state.elsewhere[item.id]);
}

export function toggleSelected(id, on) {
  if (on && state.elsewhere[id]) return;
  if (on) state.selected[id] = true;
  else delete state.selected[id];
  const node = state.nodes[id];
  if (node) {
    node.classList.toggle('is-selected', !!on);
    node.querySelector('.item-check').checked = !!on;
  }
  updateSelection();
}

export function selectedIds() {
  return selectable().filter((item) => state.selected[item.id]).map((item) => item.id);
}

export function selectAll(on) {
  selectable().forEach((item) => toggleSelected(item.id, on));
}

function updateSelection() {
  const count = selectedIds().length;
  const total = selectable().length;
  $('selected-count').textContent = count + ' selected';
  document.querySelectorAll('[data-bulk]').forEach((button) => { button.disabled = count === 0; });
  const all = $('select-all');
  all.checked = count > 0 && count === total;
  all.indeterminate = count > 0 && count < total;
}

/* ---------- Filters and tabs ---------- */

export function selectTab(status, focus) {
  state.status = status;
  document.querySelectorAll('[role="tab"]').forEach((tab) => {
    const on = tab.getAttribute('data-status') === status;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
    if (on) $('queue-panel').setAttribute('aria-labelledby', tab.id);
  });
  state.selected = {};
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
  state.articleId = $('filter-article').value.trim();
  state.rule = $('filter-rule').value;
  loadQueue(false);
}

export function onTabKey(event) {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const index = tabs.indexOf(event.target);
  if (index < 0) return;
  let next = null;
  if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
  else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
  else if (event.key === 'Home') next = tabs[0];
  else if (event.key === 'End') next = tabs[tabs.length - 1];
  if (next) {
    event.preventDefault();
    selectTab(next.getAttribute('data-status'), true);
  }
}

/** For the stream: a new comment of this tab, added at the end when the last page is shown. */
export function addArrived(detail, isNew) {
  if (state.next) {
    // Oldest first: it belongs after pages not loaded yet
    state.missedBelow += 1;
    afterListChange();
    announce('A new comment arrived at the end of the queue.');
    return;
  }
  const node = addItem(detail);
  fillHistory(node, detail.history || []);
  node.classList.add('is-new');
  setTimeout(() => { node.classList.remove('is-new'); }, 4000);
  if (state.currentId == null) setCurrentId(state.items[0].id, false);
  afterListChange();
  announce((isNew ? 'New comment from ' : 'Comment back in this queue: ') + detail.authorName + '.');
}
