/*
 * One comment of the reader's thread as a card: avatar, name (a link when the author gave a website), date and
 * permalink, the server's bodyHtml, and Reply under the published ones.
 */
import { el, timeNode } from '../shared/dom.js';
import { isHttpUrl } from '../shared/format.js';

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

/**
 * The {@code <li>} of one comment. A pending one (the reader's own, just posted) says that it awaits moderation and
 * has no Reply; {@code onReply(comment, item)} is called when Reply is pressed.
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

  if (pending) article.appendChild(el('p', 'nc-pending', 'Your comment is awaiting moderation.'));

  const body = el('div', 'nc-body');
  // bodyHtml is the server's escaped and sanitized rendering (paragraphs, line breaks, nofollow links)
  body.innerHTML = comment.bodyHtml || '';
  article.appendChild(body);

  if (!pending) {
    const footer = el('footer', 'nc-actions-row');
    const reply = el('button', 'nc-link-button nc-reply', 'Reply');
    reply.type = 'button';
    reply.setAttribute('aria-label', 'Reply to ' + (comment.authorName || 'this comment'));
    reply.addEventListener('click', () => onReply(comment, item));
    footer.appendChild(reply);
    article.appendChild(footer);
  }
  item.appendChild(article);
  return item;
}
