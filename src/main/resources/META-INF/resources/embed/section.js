/*
 * The comment section of one element: the heading with the count, the outcome of a confirmation link the reader
 * followed, the thread (replies under their parent, paged with "Load more comments", the reader's own comments that
 * await moderation merged in), the form, which moves under the comment being answered, and "Your data".
 * embed/comments.js loads this module and calls mount(element) for every section of the page.
 */
import { announceIn, el } from '../shared/dom.js';
import { confirmationText, confirmFromLink } from './address.js';
import { yourData } from './data.js';
import { CommentForm } from './form.js';
import { addOwnControls, isOwn, isWaiting, missingOwnComments } from './own.js';
import { addReport } from './report.js';
import { commentPage, formRules } from './service.js';
import { renderComment } from './thread.js';

const PAGE_SIZE = 50;
let uid = 0;

class CommentSection {
  constructor(root) {
    this.root = root;
    this.articleId = root.getAttribute('data-article-id');
    const size = parseInt(root.getAttribute('data-page-size'), 10);
    this.pageSize = size >= 1 && size <= 200 ? size : PAGE_SIZE;
    this.next = null;
    this.total = 0;
    this.shown = {};          // comment id -> its <li>
    this.prefix = 'nc' + (++uid) + '-';
  }

  start() {
    this.build();
    formRules().then((rules) => this.form.applyRules(rules));
    confirmFromLink().then((result) => this.confirmed(result));
    this.loadPage(null).then(() => this.mergeOwn());
  }

  /** Says what came of the confirmation link the page was opened with, if any. */
  confirmed(result) {
    if (!result) return;
    this.notice.textContent = confirmationText(result);
    this.notice.className = 'nc-notice-banner nc-msg-' + (result.kind === 'confirmed' ? 'success' : 'error');
    this.notice.hidden = false;
    this.announce(this.notice.textContent);
    this.form.refreshConfirmed();
  }

  /** The reader's own comments that the shared thread does not show (they await moderation), from the service. */
  async mergeOwn() {
    const views = await missingOwnComments(this.articleId, (id) => !!this.shown[id]);
    views.forEach((view) => {
      const waiting = isWaiting(view);
      // a published one missing from the page is on a page not loaded yet (or a cached copy): it comes with it
      if (!waiting && this.next) return;
      this.show(view, waiting);
    });
    if (views.length) this.updateCount();
  }

  build() {
    const root = this.root;
    while (root.firstChild) root.removeChild(root.firstChild);
    const section = el('section', 'nc-comments');
    const titleId = this.prefix + 'title';
    section.setAttribute('aria-labelledby', titleId);
    this.section = section;

    this.heading = el('h2', 'nc-heading', 'Comments');
    this.heading.id = titleId;
    section.appendChild(this.heading);

    // The outcome of a confirmation link or a deletion: it stays until the page is left (and the live region says it)
    this.notice = el('p', 'nc-notice-banner');
    this.notice.hidden = true;
    section.appendChild(this.notice);

    // One polite live region for everything the section announces (loading, posting, errors)
    this.live = el('div', 'nc-live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    section.appendChild(this.live);

    this.list = el('ol', 'nc-thread');
    this.list.setAttribute('aria-label', 'Comments');
    section.appendChild(this.list);

    this.empty = el('p', 'nc-empty', 'No comments yet. Start the conversation.');
    this.empty.hidden = true;
    section.appendChild(this.empty);

    this.more = el('button', 'nc-button nc-more', 'Load more comments');
    this.more.type = 'button';
    this.more.hidden = true;
    this.more.addEventListener('click', () => this.loadPage(this.next));
    section.appendChild(this.more);

    this.form = new CommentForm({
      articleId: this.articleId,
      prefix: this.prefix,
      announce: (text) => this.announce(text),
      onCancelReply: () => this.cancelReply(true),
      onPosted: (comment) => this.posted(comment)
    });
    section.appendChild(this.form.respond);
    section.appendChild(yourData({ prefix: this.prefix, announce: (text) => this.announce(text) }));
    root.appendChild(section);
  }

  async loadPage(after) {
    this.list.setAttribute('aria-busy', 'true');
    this.more.disabled = true;
    try {
      const page = await commentPage(this.articleId, this.pageSize, after);
      this.total = page.total || 0;
      (page.comments || []).forEach((comment) => this.show(comment, false));
      this.next = page.next || null;
      this.more.hidden = !this.next;
      this.updateCount();
      if (after) this.announce('More comments loaded.');
    } catch (e) {
      const text = 'The comments could not be loaded. Please try again later.';
      if (!after) {
        this.empty.textContent = text;
        this.empty.hidden = false;
      }
      this.announce(text);
      this.more.hidden = !this.next;
    } finally {
      this.list.removeAttribute('aria-busy');
      this.more.disabled = false;
    }
  }

  updateCount() {
    const n = this.total;
    this.heading.textContent = n === 0 ? 'Comments' : n === 1 ? '1 Comment' : n + ' Comments';
    this.empty.hidden = n > 0 || this.list.children.length > 0;
  }

  /**
   * Puts one comment in the thread: under its parent when the parent is shown, else at the top level (its parent may
   * have been rejected since). Pages come oldest first, so a parent always arrives before its replies.
   */
  show(comment, pending) {
    if (this.shown[comment.id]) return this.shown[comment.id];
    const item = renderComment(comment, pending, (answered, node) => this.startReply(answered, node));
    if (isOwn(comment.id)) {
      addOwnControls(item, comment, {
        prefix: this.prefix,
        announce: (text) => this.announce(text),
        onRemoved: (node, removed) => this.removed(node, removed),
        onStatus: () => this.countChange(-1)
      });
    } else if (!pending) {
      addReport(item, comment, { prefix: this.prefix, announce: (text) => this.announce(text) });
    }
    const parent = comment.parentId != null ? this.shown[comment.parentId] : null;
    if (parent) {
      let children = parent.querySelector(':scope > .nc-children');
      if (!children) {
        children = el('ol', 'nc-children');
        parent.appendChild(children);
      }
      children.appendChild(item);
    } else {
      this.list.appendChild(item);
    }
    this.shown[comment.id] = item;
    return item;
  }

  /** Moves the form under the comment being answered, as readers know it from news sites. */
  startReply(comment, item) {
    const card = item.querySelector(':scope > .nc-card');
    card.parentNode.insertBefore(this.form.respond, card.nextSibling);
    this.form.open(comment);
    this.form.focus();
  }

  cancelReply(focus) {
    const answered = this.form.replyTo;
    this.section.appendChild(this.form.respond);
    this.form.open(null);
    if (focus && answered && this.shown[answered.id]) {
      const button = this.shown[answered.id].querySelector('.nc-reply');
      if (button) button.focus();
    }
  }

  announce(text) {
    announceIn(this.live, text);
  }

  countChange(delta) {
    this.total = Math.max(0, this.total + delta);
    this.updateCount();
  }

  /**
   * Takes a deleted comment off the page. Its replies stay where they are, under a line saying that it was deleted,
   * as the thread would show them. The banner under the heading and the live region say so, and focus goes to the
   * heading, the next stable place.
   */
  removed(item, comment) {
    const wasPublic = !item.classList.contains('nc-is-pending');
    if (this.form.replyTo && this.form.replyTo.id === comment.id) this.cancelReply(false);
    const children = item.querySelector(':scope > .nc-children');
    if (children && children.children.length) {
      const card = item.querySelector(':scope > .nc-card');
      const placeholder = el('p', 'nc-deleted', 'This comment was deleted.');
      item.replaceChild(placeholder, card);
    } else {
      item.remove();
      delete this.shown[comment.id];
    }
    if (wasPublic) this.countChange(-1);
    else this.updateCount();
    this.notice.textContent = 'Your comment was deleted.';
    this.notice.className = 'nc-notice-banner nc-msg-info';
    this.notice.hidden = false;
    this.announce(this.notice.textContent);
    this.heading.tabIndex = -1;
    this.heading.focus();
  }

  posted(comment) {
    const approved = comment.status === 'APPROVED';
    if (this.form.replyTo) this.cancelReply(false);
    const item = this.show(comment, !approved);
    item.classList.add('nc-just-posted');
    if (approved) {
      this.total += 1;
      this.updateCount();
    }
    this.empty.hidden = true;
    item.scrollIntoView({ block: 'nearest' });
  }
}

/** Starts the section in {@code root} once; an element without data-article-id is left alone. */
export function mount(root) {
  if (!root || !root.getAttribute('data-article-id') || root.getAttribute('data-comments-started')) return;
  root.setAttribute('data-comments-started', 'true');
  new CommentSection(root).start();
}
