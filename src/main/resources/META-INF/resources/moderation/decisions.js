/*
 * Deciding comments: one at a time with its version as If-Match, or many at once (bulk). When someone else decided
 * first (412 stale version, 409 at the same moment), the console says what the comment became and who decided it,
 * and keeps it highlighted where it is.
 */
import { problemText } from '../shared/http.js';
import { call, fetchComment } from './api.js';
import {
  elsewhereText, focusCurrent, indexOf, markBusy, removeItem, replaceItem, selectedIds, showDecidedElsewhere,
  showDecidedHere, shownItem, toggleSelected
} from './list.js';
import { belongsHere, tabStatus } from './queue.js';
import { ACTION_DONE, STATUS_DONE, changes } from './statuses.js';
import { $, announce, failed, toast } from './ui.js';

const deciding = {};      // id -> true while this console's own decision on it is on its way

/** Whether this console's own decision on comment {@code id} is on its way (its answer will update the list). */
export function isDeciding(id) {
  return !!deciding[id];
}

function reason() {
  const value = $('reason').value.trim();
  return value ? { reason: value } : {};
}

/** A reason and the "Tell the author why" box belong to one decision. */
function clearReason() {
  $('reason').value = '';
  $('notify-author').checked = false;
}

/**
 * The body of a single decision: the reason, and for a rejection whether to mail it to the author. Telling the author
 * needs the reason written (the service answers 400 without it), so the console asks for it first; null then.
 */
function decisionBody(action) {
  const body = reason();
  if (action !== 'reject' || !$('notify-author').checked) return body;
  if (!body.reason) {
    toast('Write the reason the author will read, or untick “Tell the author why”.', 'warning');
    $('reason').focus();
    return null;
  }
  body.notifyAuthor = true;
  return body;
}

/**
 * Decides comment {@code id}. {@code deliberate} is a click on the comment's own button; a shortcut is not, and on a
 * comment decided elsewhere since (it says so at its top) a shortcut pressed a moment later changes nothing.
 */
export async function decide(id, action, deliberate) {
  const item = shownItem(id);
  if (!item || deciding[id]) return;
  const noted = elsewhereText(id);
  if (noted && !deliberate) {
    toast(noted + ' meanwhile, so nothing was changed. Use its buttons to decide it again, or j / k to move on.',
      'warning');
    return;
  }
  if (!changes(item, action)) return;
  const body = decisionBody(action);
  if (!body) return;
  deciding[id] = true;
  markBusy(id, true);
  try {
    const answer = await call('POST', '/api/moderation/comments/' + id + '/' + action, { body, ifMatch: item.version });
    if (answer.ok) {
      const done = answer.body;
      clearReason();
      const dismissed = action === 'approve' && item.openReports > 0 ? ', its reports dismissed' : '';
      const told = body.notifyAuthor ? ', the author told why if their address is verified' : '';
      announce('Comment by ' + item.authorName + ' ' + ACTION_DONE[action] + dismissed + told + '.');
      showDecidedHere(done, belongsHere(done));
    } else if (answer.status === 412 || answer.status === 409) {
      await decidedFirst(id, action, answer);
    } else if (answer.status === 404) {
      toast('This comment no longer exists.', 'warning');
      removeItem(id);
    } else {
      toast(problemText(answer, 'The decision failed'), 'error');
    }
  } catch (e) {
    failed(e);
  } finally {
    delete deciding[id];
    markBusy(id, false);
  }
}

/**
 * Someone else changed the comment after this console showed it. The problem body may name what it became
 * ({@code commentStatus}, {@code moderatedBy}); the comment is read again in any case, to show it as it is now.
 */
async function decidedFirst(id, action, answer) {
  const problem = answer.body || {};
  let detail = null;
  try {
    const fresh = await fetchComment(id);
    if (fresh.status === 404) {
      toast('This comment no longer exists.', 'warning');
      removeItem(id);
      return;
    }
    if (fresh.ok) detail = fresh.body;
  } catch (e) {
    failed(e);
  }
  const status = problem.commentStatus || (detail && detail.status);
  const by = problem.moderatedBy || (detail && lastActor(detail));
  const stillHere = detail ? belongsHere(detail) : false;
  let text;
  if (status && by && !stillHere) {
    text = 'Not ' + ACTION_DONE[action] + ': this comment was already ' + (STATUS_DONE[status] || status) + ' by ' + by + '.';
  } else if (by) {
    text = 'Not ' + ACTION_DONE[action] + ': ' + by + ' changed this comment meanwhile. It has been reloaded; check it and decide again.';
  } else {
    text = 'Not ' + ACTION_DONE[action] + ': someone else changed this comment meanwhile. Check it and decide again.';
  }
  if (detail && stillHere) replaceItem(detail, detail);
  else if (detail) showDecidedElsewhere(detail, indexOf(id));
  toast(text, 'warning');
  announce(text);
}

/** Who made the comment's last change: the moderator of its decision, or the actor of its last history entry. */
function lastActor(detail) {
  if (detail.moderatedBy) return detail.moderatedBy;
  const history = Array.isArray(detail.history) ? detail.history : [];
  return history.length ? history[history.length - 1].actor : null;
}

/** Reads a listed comment again: shown anew where it still belongs, else taken off the list. */
export async function reloadItem(id) {
  const answer = await fetchComment(id);
  if (answer.status === 404) {
    removeItem(id);
    return;
  }
  if (!answer.ok) return;
  if (belongsHere(answer.body)) replaceItem(answer.body, answer.body);
  else removeItem(id);
}

export async function bulk(action) {
  const ids = selectedIds();
  if (!ids.length) return;
  if (action === 'reject' && $('notify-author').checked) {
    // a bulk decision mails nobody: rather than reject silently what the moderator meant to explain, ask first
    toast('Telling the author why works one comment at a time: reject them one by one, or untick ' +
      '“Tell the author why”.', 'warning');
    return;
  }
  const body = reason();
  body.action = action;
  body.ids = ids;
  ids.forEach((id) => { deciding[id] = true; });
  try {
    const answer = await call('POST', '/api/moderation/bulk', { body });
    if (!answer.ok) {
      toast(problemText(answer, 'The bulk decision failed'), 'error');
      return;
    }
    clearReason();
    let changed = 0;
    let conflicts = 0;
    let gone = 0;
    (answer.body.results || []).forEach((result) => {
      if (result.outcome === 'changed' || result.outcome === 'unchanged') {
        if (result.outcome === 'changed') changed += 1;
        if (result.status !== tabStatus()) removeItem(result.id);
        else toggleSelected(result.id, false);
      } else if (result.outcome === 'not-found') {
        gone += 1;
        removeItem(result.id);
      } else {
        conflicts += 1;
        reloadItem(result.id).catch(failed);
      }
    });
    let text = changed + (changed === 1 ? ' comment ' : ' comments ') + ACTION_DONE[action] + '.';
    if (conflicts) text += ' ' + conflicts + ' changed by someone else at the same moment and reloaded.';
    if (gone) text += ' ' + gone + ' no longer exist.';
    announce(text);
    toast(text, conflicts ? 'warning' : 'success');
    focusCurrent();
  } catch (e) {
    failed(e);
  } finally {
    ids.forEach((id) => { delete deciding[id]; });
  }
}
