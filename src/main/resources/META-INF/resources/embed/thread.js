/*
 * One comment of the reader's thread as a card: avatar, name (a link when the author gave a website), date and
 * permalink, "edited" when it was, the server's bodyHtml, and a footer of actions: Reply under the published ones;
 * report.js and own.js add theirs to the same footer.
 */
import { el, timeNode } from '../shared/dom.js';
import { formatDate, isHttpUrl } from '../shared/format.js';

/** A colored circle with the author's initial; the hue comes from the server's avatarKey. */
function avatar(comment) {
  const node = el('span', 'nc-avatar');
  node.setAttribute('aria-hidden', 'true');
  const name = (comment.authorName || '?').trim();
  const initial = Array.from(name)[0] || '?';
  node.textContent = initial.toLocaleUpperCase();
  const key = comment.avatarKey || '';
  const hue = key ? parseInt(key.slice(0, 4), 16) % 360 : 210;
  node.style.setProperty('background-color', 'hsl(' + hue + ', 45%, 42%)');
  return node;
}

/** Shows that a comment was edited (a public view's or the author's {@code editedAt}), once. */
export function markEdited(item, editedAt) {
  const who = item.querySelector(':scope > .nc-card .nc-who');
  if (!who || !editedAt) return;
  let note = who.querySelector('.nc-edited');
  if (!note) {
    note = el('span', 'nc-edited', 'edited');
    who.appendChild(note);
  }
  note.title = 'Edited ' + formatDate(editedAt);
}

/** Puts the server's (sanitized) bodyHtml in the card. */
export function setBody(item, bodyHtml) {
  const body = item.querySelector(':scope > .nc-card > .nc-body');
  // bodyHtml is the server's escaped and sanitized rendering (paragraphs, line breaks, nofollow links)
  body.innerHTML = bodyHtml || '';
}

/** Marks the card as awaiting moderation, or (false) not: a pending comment has no Reply. */
export function setPending(item, pending) {
  const card = item.querySelector(':scope > .nc-card');
  let note = card.querySelector(':scope > .nc-pending');
  if (pending && !note) {
    note = el('p', 'nc-pending', 'Your comment is awaiting moderation.');
    card.insertBefore(note, card.querySelector(':scope > .nc-body'));
  } else if (!pending && note) {
    note.remove();
  }
  item.classList.toggle('nc-is-pending', !!pending);
  const reply = card.querySelector(':scope > .nc-actions-row > .nc-reply');
  if (reply) reply.hidden = !!pending;
}

/** The footer of a comment's card, where actions go. */
export function actionsOf(item) {
  return item.querySelector(':scope > .nc-card > .nc-actions-row');
}

/**
 * The {@code <li>} of one comment. A pending one (the reader's own) says that it awaits moderation and has no
 * Reply; {@code onReply(comment, item)} is called when Reply is pressed.
 */
export function renderComment(comment, pending, onReply) {
  const item = el('li', 'nc-comment');
  item.id = 'comment-' + comment.id;
  const article = el('article', 'nc-card');
  article.setAttribute('aria-label', 'Comment by ' + (comment.authorName || 'a reader'));

  const header = el('header', 'nc-meta');
  header.appendChild(avatar(comment));
  const who = el('div', 'nc-who');
  let name;
  if (comment.authorUrl && isHttpUrl(comment.authorUrl)) {
    name = el('a', 'nc-author', comment.authorName);
    name.href = comment.authorUrl;
    name.rel = 'nofollow ugc noopener';
  } else {
    name = el('span', 'nc-author', comment.authorName);
  }
  who.appendChild(name);
  if (comment.createdAt) {
    const permalink = el('a', 'nc-permalink');
    permalink.href = '#comment-' + comment.id;
    permalink.appendChild(timeNode(comment.createdAt, 'nc-date'));
    who.appendChild(permalink);
  }
  header.appendChild(who);
  article.appendChild(header);
  article.appendChild(el('div', 'nc-body'));

  const footer = el('footer', 'nc-actions-row');
  const reply = el('button', 'nc-link-button nc-reply', 'Reply');
  reply.type = 'button';
  reply.setAttribute('aria-label', 'Reply to ' + (comment.authorName || 'this comment'));
  reply.addEventListener('click', () => onReply(comment, item));
  footer.appendChild(reply);
  article.appendChild(footer);
  item.appendChild(article);

  setBody(item, comment.bodyHtml);
  if (comment.editedAt) markEdited(item, comment.editedAt);
  setPending(item, pending);
  return item;
}
