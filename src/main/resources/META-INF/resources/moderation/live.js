/*
 * What the live stream's events do to the queue on show: a comment that comes to this tab arrives, and a listed one
 * decided elsewhere (by another moderator, the rules, or readers' reports) stays where it is, saying who decided it
 * and how. The console's own decisions are left to their answers. console.js hands liveEvent to the stream.
 */
import { fetchComment } from './api.js';
import { isDeciding } from './decisions.js';
import { indexOf, isShown, replaceItem, showDecidedElsewhere, shownItem } from './list.js';
import { addArrived, belongsHere, mayArrive, mayHaveLeft } from './queue.js';
import { announce } from './ui.js';

export function liveEvent(event) {
  if (event.type !== 'new' && event.type !== 'decided') return;
  const id = event.commentId;
  // This console's own decision: its answer updates the list
  if (isDeciding(id)) return;
  if (isShown(id)) {
    // In Reported any decision may take it off (reports send no events: a reload shows new ones)
    if (mayHaveLeft(event.to)) decidedElsewhere(event);
    return;
  }
  if (mayArrive(event.to, event.articleId)) arrived(event);
}

/**
 * A listed comment was decided in another console (or by the rules, or readers' reports): it stays where it is,
 * saying who decided it and how, and keeps the highlight if it had it.
 */
async function decidedElsewhere(event) {
  const id = event.commentId;
  let detail = null;
  try {
    const answer = await fetchComment(id);
    if (answer.ok) detail = answer.body;
  } catch (e) { /* told from the event alone below */ }
  if (!isShown(id) || isDeciding(id)) return;
  if (detail && belongsHere(detail)) {
    replaceItem(detail, detail);
    return;
  }
  if (!detail) {
    // Without the details the event still tells what it became
    detail = Object.assign({}, shownItem(id), { status: event.to, moderatedBy: null, moderatedAt: null, history: [] });
  }
  const text = showDecidedElsewhere(detail, indexOf(id));
  announce('The comment by ' + detail.authorName + ': ' + text + ', elsewhere.');
}

async function arrived(event) {
  try {
    const answer = await fetchComment(event.commentId);
    if (!answer.ok || !belongsHere(answer.body) || isShown(answer.body.id)) return;
    addArrived(answer.body, event.type === 'new');
  } catch (e) { /* the next reload shows it */ }
}
