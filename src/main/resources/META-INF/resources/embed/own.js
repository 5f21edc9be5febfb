/*
 * The reader's own comments. Posting answers an editToken, which memory.js keeps with the comment's id; with it the
 * embed may ask for the author's view of the comment (GET /api/comments/{id} with the Comment-Token header), edit it
 * while the service allows (PATCH, until editableUntil) and delete it (DELETE).
 *
 * The public thread is one shared, cacheable page for every reader, so it never holds a reader's comments that
 * await moderation: after the first page, the section asks for each of its own comments it does not show and merges
 * the ones that wait (PENDING, UNVERIFIED) as "awaiting moderation", also after a reload. A comment that is gone
 * (404) or was deleted or rejected is forgotten here and not shown: the page shows only what the thread or the
 * moderation queue would (a rejection with its reason reaches the author by mail, when they asked for it).
 */
import { el } from '../shared/dom.js';
import { waitText } from '../shared/format.js';
import { forgetOwnComment, ownComment, ownComments, updateOwnComment } from './memory.js';
import { deleteComment, editComment, ownCommentView } from './service.js';
import { actionsOf, markEdited, setBody, setPending } from './thread.js';

const WAITING = ['PENDING', 'UNVERIFIED', 'SPAM'];
const GONE = ['DELETED', 'REJECTED'];
const MAX_LOOKUPS = 20;

/** Whether the comment of {@code id} is one of this browser's own. */
export function isOwn(id) {
  return !!ownComment(id);
}

/** "12 minutes", "1 minute", "less than a minute", "2 hours" until {@code until}; null once it has passed. */
export function timeLeft(until, now = Date.now()) {
  const end = Date.parse(until || '');
  if (isNaN(end) || end <= now) return null;
  const minutes = Math.floor((end - now) / 60000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return minutes + (minutes === 1 ? ' minute' : ' minutes');
  return Math.floor(minutes / 60) + ' hours';
}

/**
 * Asks the service for the author's view of each own comment of {@code articleId} that {@code isShown(id)} denies,
 * oldest first, and answers the ones to show; forgets the ones that are gone. Answers that say nothing (no such
 * door yet: 405, a network failure, a 5xx) keep the entry for the next time.
 */
export async function missingOwnComments(articleId, isShown) {
  const entries = ownComments(articleId).filter((entry) => !isShown(entry.id))
    .sort((a, b) => a.id - b.id).slice(-MAX_LOOKUPS);
  const answers = await Promise.all(entries.map((entry) => ownCommentView(entry.id, entry.editToken)
    .catch(() => null)));
  const found = [];
  answers.forEach((answer, i) => {
    const entry = entries[i];
    if (!answer) return;
    const view = answer.body;
    if (answer.status === 404 || answer.status === 403 || (answer.status === 200 && view && GONE.includes(view.status))) {
      forgetOwnComment(entry.id);
      return;
    }
    if (answer.status !== 200 || !view || typeof view.status !== 'string') return;
    updateOwnComment(entry.id, { editableUntil: view.editableUntil || null });
    found.push(view);
  });
  return found;
}

/** Whether an author's view is one that waits for a moderator. */
export function isWaiting(view) {
  return WAITING.includes(view.status);
}

class OwnControls {
  /**
   * {@code options}: prefix, announce(text), onRemoved(item, comment), onStatus(item, wasPublic, isPublic) when an
   * edit sends a published comment back to moderation.
   */
  constructor(item, comment, options) {
    this.item = item;
    this.comment = comment;
    this.options = options;
    this.id = options.prefix + 'own-' + comment.id;
    item.classList.add('nc-own');
    const footer = actionsOf(item);
    this.mine = el('span', 'nc-own-label', 'Your comment');
    footer.insertBefore(this.mine, footer.firstChild);

    this.editButton = el('button', 'nc-link-button nc-edit', 'Edit');
    this.editButton.type = 'button';
    this.editButton.addEventListener('click', () => this.openEditor());
    footer.appendChild(this.editButton);
    this.deleteButton = el('button', 'nc-link-button nc-delete', 'Delete');
    this.deleteButton.type = 'button';
    this.deleteButton.addEventListener('click', () => this.askToDelete());
    footer.appendChild(this.deleteButton);

    this.message = el('p', 'nc-own-message');
    this.message.hidden = true;
    this.message.tabIndex = -1;
    item.querySelector(':scope > .nc-card').appendChild(this.message);
    this.refreshWindow();
  }

  entry() {
    return ownComment(this.comment.id);
  }

  /** Edit stays while the service allows it, and says how long; a timer takes it away when the time is up. */
  refreshWindow() {
    clearTimeout(this.timer);
    const entry = this.entry();
    const left = entry ? timeLeft(entry.editableUntil) : null;
    this.editButton.hidden = !left;
    if (!left) return;
    this.editButton.title = 'You can edit your comment for ' + left + ' more.';
    this.editButton.setAttribute('aria-label', 'Edit your comment (' + left + ' left)');
    const end = Date.parse(entry.editableUntil);
    // again each minute (so the time left stays right), and at the end
    this.timer = setTimeout(() => this.refreshWindow(), Math.min(60000, Math.max(1000, end - Date.now() + 50)));
  }

  say(text, focus) {
    this.message.textContent = text;
    this.message.hidden = false;
    this.options.announce(text);
    if (focus) this.message.focus();
  }

  openEditor() {
    if (this.editor) {
      this.editorInput.focus();
      return;
    }
    const entry = this.entry();
    const left = entry ? timeLeft(entry.editableUntil) : null;
    const editor = el('form', 'nc-editor');
    editor.noValidate = true;
    const label = el('label', 'nc-label', 'Edit your comment');
    label.htmlFor = this.id + '-body';
    const input = el('textarea', 'nc-input nc-textarea');
    input.id = this.id + '-body';
    input.name = 'body';
    input.rows = 5;
    input.value = this.comment.body || '';
    const hint = el('p', 'nc-hint', left ? 'You can edit your comment for ' + left + ' more.' : '');
    hint.id = this.id + '-hint';
    input.setAttribute('aria-describedby', hint.id);
    this.editorError = el('p', 'nc-error');
    this.editorError.id = this.id + '-error';
    this.editorError.hidden = true;
    const actions = el('div', 'nc-report-actions');
    const save = el('button', 'nc-button nc-submit nc-save', 'Save changes');
    save.type = 'submit';
    const cancel = el('button', 'nc-button nc-secondary nc-cancel-edit', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.closeEditor(true));
    actions.appendChild(save);
    actions.appendChild(cancel);
    editor.appendChild(label);
    editor.appendChild(input);
    editor.appendChild(hint);
    editor.appendChild(this.editorError);
    editor.appendChild(actions);
    editor.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(save);
    });
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeEditor(true);
      }
    });
    const body = this.item.querySelector(':scope > .nc-card > .nc-body');
    body.hidden = true;
    body.after(editor);
    this.editor = editor;
    this.editorInput = input;
    this.message.hidden = true;
    input.focus();
  }

  closeEditor(focus) {
    if (!this.editor) return;
    this.editor.remove();
    this.editor = null;
    this.item.querySelector(':scope > .nc-card > .nc-body').hidden = false;
    if (focus) (this.editButton.hidden ? this.deleteButton : this.editButton).focus();
  }

  editorProblem(text) {
    this.editorError.textContent = text;
    this.editorError.hidden = false;
    this.editorInput.setAttribute('aria-invalid', 'true');
    this.editorInput.setAttribute('aria-describedby', this.editorError.id + ' ' + this.id + '-hint');
    this.options.announce(text);
    this.editorInput.focus();
  }

  async save(button) {
    const text = this.editorInput.value.trim();
    if (!text) {
      this.editorProblem('Your comment cannot be empty. To remove it, use Delete.');
      return;
    }
    const entry = this.entry();
    if (!entry) return;
    button.disabled = true;
    let answer;
    try {
      answer = await editComment(this.comment.id, entry.editToken, text);
    } catch (e) {
      answer = null;
    } finally {
      button.disabled = false;
    }
    if (!answer) {
      this.editorProblem('Your change could not be sent. Check your connection and try again.');
      return;
    }
    const view = answer.body;
    if (answer.status === 200 && view) {
      const wasPublic = !this.item.classList.contains('nc-is-pending');
      this.comment = Object.assign({}, this.comment, view);
      setBody(this.item, view.bodyHtml);
      markEdited(this.item, view.editedAt || new Date().toISOString());
      updateOwnComment(this.comment.id, { editableUntil: view.editableUntil || null });
      const waiting = isWaiting(view);
      setPending(this.item, waiting);
      this.closeEditor(false);
      this.refreshWindow();
      if (wasPublic && waiting) this.options.onStatus(this.item, true, false);
      this.say(waiting ? (wasPublic ? 'Your change is saved. Your comment is awaiting moderation again.'
        : 'Your change is saved. Your comment is still awaiting moderation.')
        : 'Your change is saved.', true);
      return;
    }
    const type = view && view.type ? view.type : '';
    if (answer.status === 403 && type.includes('edit-window-closed')) {
      updateOwnComment(this.comment.id, { editableUntil: null });
      this.refreshWindow();
      this.closeEditor(false);
      this.say('The time for editing this comment has passed, so your change was not saved.', true);
      return;
    }
    if (answer.status === 400 && view && Array.isArray(view.violations) && view.violations.length) {
      this.editorProblem('Your comment ' + view.violations.map((v) => v.message).join(', ') + '.');
      return;
    }
    if (answer.status === 404) {
      this.gone();
      return;
    }
    if (answer.status === 429) {
      this.editorProblem('You are making changes too quickly. Please wait '
        + waitText(answer.headers.get('Retry-After')) + ' and try again.');
      return;
    }
    if (answer.status === 405) {
      this.editorProblem('Editing comments is not available on this site.');
      return;
    }
    this.editorProblem(answer.status >= 500 ? 'Something went wrong on our side. Please try again in a moment.'
      : 'Your change could not be saved (error ' + answer.status + ').');
  }

  /** A confirmation in the card: the question takes the focus, "Keep it" and "Delete comment" follow. */
  askToDelete() {
    if (this.confirmBox) {
      this.confirmQuestion.focus();
      return;
    }
    const box = el('div', 'nc-confirm');
    box.setAttribute('role', 'group');
    const question = el('p', 'nc-confirm-question', 'Delete your comment? This cannot be undone.');
    question.id = this.id + '-confirm';
    question.tabIndex = -1;
    box.setAttribute('aria-labelledby', question.id);
    const yes = el('button', 'nc-button nc-danger nc-confirm-delete', 'Delete comment');
    yes.type = 'button';
    const no = el('button', 'nc-button nc-secondary nc-keep', 'Keep it');
    no.type = 'button';
    no.addEventListener('click', () => this.closeConfirm(true));
    yes.addEventListener('click', () => this.remove(yes));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeConfirm(true);
      }
    });
    const actions = el('div', 'nc-report-actions');
    actions.appendChild(yes);
    actions.appendChild(no);
    box.appendChild(question);
    box.appendChild(actions);
    actionsOf(this.item).after(box);
    this.confirmBox = box;
    this.confirmQuestion = question;
    this.message.hidden = true;
    question.focus();
  }

  closeConfirm(focus) {
    if (!this.confirmBox) return;
    this.confirmBox.remove();
    this.confirmBox = null;
    if (focus) this.deleteButton.focus();
  }

  async remove(button) {
    const entry = this.entry();
    if (!entry) return;
    button.disabled = true;
    let answer;
    try {
      answer = await deleteComment(this.comment.id, entry.editToken);
    } catch (e) {
      answer = null;
    }
    button.disabled = false;
    if (answer && (answer.status === 204 || answer.status === 200 || answer.status === 404)) {
      this.gone();
      return;
    }
    this.closeConfirm(false);
    if (!answer) this.say('Your comment could not be deleted. Check your connection and try again.', true);
    else if (answer.status === 405) this.say('Deleting comments is not available on this site.', true);
    else if (answer.status === 429) this.say('Please wait ' + waitText(answer.headers.get('Retry-After'))
      + ' and try again.', true);
    else if (answer.status >= 500) this.say('Something went wrong on our side. Please try again in a moment.', true);
    else this.say('Your comment could not be deleted (error ' + answer.status + ').', true);
  }

  gone() {
    clearTimeout(this.timer);
    forgetOwnComment(this.comment.id);
    this.options.onRemoved(this.item, this.comment);
  }
}

/** Adds "Your comment", Edit and Delete to the card of one of the reader's own comments. */
export function addOwnControls(item, comment, options) {
  return new OwnControls(item, comment, options);
}
