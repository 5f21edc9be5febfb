/*
 * The comments on show in the queue: the list in order, the highlighted comment that shortcuts act on, the selection
 * for bulk decisions, and the comments another moderator decided while they were on show. Only this module changes
 * them; the others ask and tell through its functions.
 *
 * The highlight is kept by comment id, never by position: comments that arrive, leave or are decided by another
 * moderator never move it to a different comment. A comment decided elsewhere stays in place, saying who decided it
 * and how, until this moderator moves the highlight on; then it leaves the list.
 *
 * What a comment's buttons do (decide, ban) comes from console.js (setItemActions): decisions.js and bans.js use this
 * module, so it cannot use them.
 */
import { clear } from '../shared/dom.js';
import { fillHistory, loadHistory, renderItem } from './item.js';
import { $ } from './ui.js';

let items = [];          // ModerationItem objects in list order
let nodes = {};          // id -> <li>
let current = null;      // id of the highlighted comment, the one shortcuts act on
let selected = {};       // id -> true
let elsewhere = {};      // id -> what another moderator made of a shown comment: {text}
let actions = { decide: () => {}, openBan: () => {}, banOf: () => null };

/**
 * What a comment's controls lead to: decide(id, action, deliberate), openBan(node, item), and banOf(item), the ban
 * made in this tab of its author, if any.
 */
export function setItemActions(given) {
  actions = given;
}

function render(item) {
  const shown = { selected: !!selected[item.id], elsewhere: elsewhereText(item.id), ban: actions.banOf(item) };
  return renderItem(item, shown, {
    pick: (focus) => {
      if (indexOf(item.id) >= 0 && item.id !== current) select(item.id, focus);
    },
    toggle: (on) => toggleSelected(item.id, on),
    decide: (action) => actions.decide(item.id, action, true),
    ban: (node) => actions.openBan(node, item)
  });
}

/* ---------- What is on show ---------- */

export function indexOf(id) {
  return items.findIndex((item) => item.id === id);
}

export function isShown(id) {
  return indexOf(id) >= 0;
}

/** The listed comment {@code id} as last shown, or null. */
export function shownItem(id) {
  const index = indexOf(id);
  return index >= 0 ? items[index] : null;
}

/** The comments on show, in list order (a copy). */
export function shownItems() {
  return items.slice();
}

export function nodeOf(id) {
  return nodes[id] || null;
}

export function firstId() {
  return items.length ? items[0].id : null;
}

/** What another moderator made of listed comment {@code id} while it was on show, in words, or null. */
export function elsewhereText(id) {
  return elsewhere[id] ? elsewhere[id].text : null;
}

/** Empties the list (a new page, a problem, signing out); the selection stays with {@code keepSelection}. */
export function clearList(keepSelection) {
  clear($('queue-list'));
  items = [];
  nodes = {};
  elsewhere = {};
  if (!keepSelection) selected = {};
}

/** After the list changed: the empty notice, and the selection of comments no longer listed dropped. */
export function listChanged() {
  $('queue-empty').hidden = items.length > 0 || !$('queue-notice').hidden;
  Object.keys(selected).forEach((id) => { if (!nodes[id]) delete selected[id]; });
  updateSelection();
}

export function addItem(item, position) {
  const node = render(item);
  const list = $('queue-list');
  if (position === undefined || position >= items.length) {
    items.push(item);
    list.appendChild(node);
  } else {
    list.insertBefore(node, nodes[items[position].id]);
    items.splice(position, 0, item);
  }
  nodes[item.id] = node;
  if (item.id === current) node.classList.add('is-current');
  return node;
}

/** Shows a newer copy of a listed comment; {@code detail} (with its history) fills the history at once. */
export function replaceItem(item, detail) {
  const index = indexOf(item.id);
  if (index < 0) return;
  const old = nodes[item.id];
  const hadFocus = old.contains(document.activeElement);
  const node = render(item);
  old.parentNode.replaceChild(node, old);
  items[index] = item;
  nodes[item.id] = node;
  if (detail && detail.history) fillHistory(node, detail.history);
  if (item.id === current) setCurrentId(item.id, hadFocus);
}

/**
 * Takes a comment off the list. When it was the highlighted one (this moderator decided it), the highlight goes to
 * the comment that takes its place.
 */
export function removeItem(id) {
  const index = indexOf(id);
  if (index < 0) return;
  const node = nodes[id];
  const hadFocus = node.contains(document.activeElement);
  node.parentNode.removeChild(node);
  items.splice(index, 1);
  delete nodes[id];
  delete selected[id];
  delete elsewhere[id];
  if (current === id) {
    const next = items[Math.min(index, items.length - 1)];
    setCurrentId(next ? next.id : null, hadFocus);
  }
  listChanged();
}

/** While this console's decision on listed comment {@code id} is on its way. */
export function markBusy(id, busy) {
  if (nodes[id]) nodes[id].classList.toggle('is-busy', busy);
}

/* ---------- Decided here or elsewhere ---------- */

/**
 * A listed comment that another moderator decided (or the rules, or a reader's reports): it stays where it is, shown
 * as it is now with who decided it, out of the selection, until the moderator moves on. {@code position} puts it
 * back in the list when a reload had left it out. Answers what it says.
 */
export function showDecidedElsewhere(detail, position) {
  elsewhere[detail.id] = { text: decidedText(detail) };
  delete selected[detail.id];
  if (indexOf(detail.id) >= 0) {
    replaceItem(detail, detail);
  } else {
    const node = addItem(detail, Math.max(0, position));
    fillHistory(node, detail.history || []);
    if (current == null) setCurrentId(detail.id, false);
  }
  listChanged();
  return elsewhere[detail.id].text;
}

/** "Rejected by bob, 1 Dec 2026, 20:45": what a comment became and who decided it, from its moderation view. */
function decidedText(detail) {
  const history = Array.isArray(detail.history) ? detail.history : [];
  const last = history.length ? history[history.length - 1] : null;
  const who = detail.moderatedBy || (last && last.actor) || 'someone else';
  const words = { APPROVED: 'Approved', REJECTED: 'Rejected', SPAM: 'Marked as spam', PENDING: 'Put back in Pending' };
  return (words[detail.status] || String(detail.status)) + ' by ' + who;
}

/**
 * This moderator decided the comment {@code detail}: it no longer says that it was decided elsewhere. It is shown anew
 * when it still belongs in the tab ({@code stays}); else it leaves, and if it was the highlighted one, the highlight
 * goes to the next comment still to decide (else the previous one).
 */
export function showDecidedHere(detail, stays) {
  delete elsewhere[detail.id];
  if (stays) replaceItem(detail, detail);
  else leave(detail.id);
}

function leave(id) {
  const index = indexOf(id);
  if (index < 0) return;
  const wasCurrent = current === id;
  removeItem(id);
  if (!wasCurrent) return;
  const open = (item) => !elsewhere[item.id];
  const target = items.slice(index).find(open) || items.slice(0, index).reverse().find(open);
  if (target) {
    select(target.id, true);
  } else {
    setCurrentId(null, false);
    dropDecidedElsewhere();
  }
}

function dropDecidedElsewhere() {
  Object.keys(elsewhere).map(Number).forEach((id) => {
    if (id !== current) removeItem(id);
  });
}

/* ---------- The highlight ---------- */

export function currentId() {
  return current;
}

export function currentItem() {
  return shownItem(current);
}

/** The highlight without any other effect; the list's rendering follows it. */
export function setCurrentId(id, focus) {
  current = id != null && nodes[id] ? id : null;
  items.forEach((item) => {
    nodes[item.id].classList.toggle('is-current', item.id === current);
  });
  if (current == null) return;
  const node = nodes[current];
  if (focus) {
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'nearest' });
  }
  loadHistory(node, current, false);
}

/** Brings the keyboard to the highlighted comment, if there is one. */
export function focusCurrent() {
  if (current != null) setCurrentId(current, true);
}

/**
 * The moderator moves the highlight to {@code id}: the comments decided elsewhere that were left on show for them
 * can go now.
 */
export function select(id, focus) {
  const moved = id !== current;
  setCurrentId(id, focus);
  if (moved) dropDecidedElsewhere();
}

/** j and k: the next or previous comment still to decide, skipping those decided elsewhere meanwhile. */
export function moveBy(step) {
  if (!items.length) return;
  const from = indexOf(current);
  if (from < 0) {
    select(items[0].id, true);
    return;
  }
  let target = from;
  for (let i = from + step; i >= 0 && i < items.length; i += step) {
    if (!elsewhere[items[i].id]) {
      target = i;
      break;
    }
  }
  select(items[target].id, true);
}

/* ---------- The selection ---------- */

/** Comments that a bulk decision may take: listed, not decided elsewhere. */
function selectable() {
  return items.filter((item) => !elsewhere[item.id]);
}

export function isSelected(id) {
  return !!selected[id];
}

export function toggleSelected(id, on) {
  if (on && elsewhere[id]) return;
  if (on) selected[id] = true;
  else delete selected[id];
  const node = nodes[id];
  if (node) {
    node.classList.toggle('is-selected', !!on);
    node.querySelector('.item-check').checked = !!on;
  }
  updateSelection();
}

export function selectedIds() {
  return selectable().filter((item) => selected[item.id]).map((item) => item.id);
}

export function selectAll(on) {
  selectable().forEach((item) => toggleSelected(item.id, on));
}

/** Forgets the selection at once (another tab is chosen); the list shows it until it is loaded again. */
export function forgetSelection() {
  selected = {};
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
