/*
 * The "Leave a Comment" form: the fields, the page's own checks (the server still has the last word), the server's
 * violations beside the field they name, and a plain message for every other answer.
 */
import { el, markInvalid, markValid } from '../shared/dom.js';
import { isHttpUrl, waitText } from '../shared/format.js';
import { forgetThisBrowser, pageUrl } from './address.js';
import {
  commenterKey, confirmedAddresses, forgetDetails, rememberOwnComment, saveDetails, savedDetails
} from './memory.js';
import { postComment } from './service.js';

const FIELDS = {
  body: { label: 'Comment', required: true },
  authorName: { label: 'Name', required: true },
  authorEmail: { label: 'Email', required: true },
  authorUrl: { label: 'Website', required: false }
};
const ORDER = ['body', 'authorName', 'authorEmail', 'authorUrl'];
/** The form's choices, unchecked until the reader ticks them; the notify ones go with the comment as booleans. */
const CHOICES = [
  ['notifyReplies', 'Notify me of follow-up comments by email'],
  ['notifyPublished', 'Notify me when my comment is published'],
  ['remember', 'Save my name, email, and website in this browser for the next time I comment.']
];

export class CommentForm {
  /**
   * {@code options}: articleId, prefix (for element ids), announce(text), onCancelReply() when the reader cancels a
   * reply, onPosted(comment) after a 201.
   */
  constructor(options) {
    this.options = options;
    this.honeypotField = 'website2';
    this.maxBodyLength = 5000;
    this.replyTo = null;      // the comment being answered, or null
    this.respond = this.build();
  }

  build() {
    const p = this.options.prefix;
    const respond = el('div', 'nc-respond');
    const title = el('h3', 'nc-form-title', 'Leave a Comment');
    title.id = p + 'form-title';
    respond.appendChild(title);

    this.replyNote = el('p', 'nc-reply-note');
    this.replyNote.hidden = true;
    this.replyNoteText = el('span');
    this.replyNote.appendChild(this.replyNoteText);
    const cancel = el('button', 'nc-link-button', 'Cancel reply');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.options.onCancelReply());
    this.replyNote.appendChild(document.createTextNode(' '));
    this.replyNote.appendChild(cancel);
    respond.appendChild(this.replyNote);

    const form = el('form', 'nc-form');
    form.noValidate = true; // our messages sit beside the fields, where the server's also go
    form.setAttribute('aria-labelledby', title.id);
    const notice = el('p', 'nc-notice');
    notice.id = p + 'notice';
    notice.appendChild(document.createTextNode('Your email address will not be published. Required fields are marked '));
    notice.appendChild(el('span', 'nc-required', '*'));
    form.appendChild(notice);

    this.message = el('div', 'nc-form-message');
    this.message.hidden = true;
    this.message.setAttribute('tabindex', '-1');
    form.appendChild(this.message);

    this.inputs = {};
    this.errors = {};
    let row = null;
    ORDER.forEach((name) => {
      const field = this.buildField(name);
      if (name === 'body') {
        form.appendChild(field);
      } else {
        if (!row) {
          row = el('div', 'nc-row');
          form.appendChild(row);
        }
        row.appendChild(field);
      }
    });
    form.appendChild(this.buildChoices());
    form.appendChild(this.buildConfirmed());
    form.appendChild(this.buildHoneypot());

    const actions = el('div', 'nc-actions');
    this.submit = el('button', 'nc-button nc-submit', 'Post Comment');
    this.submit.type = 'submit';
    actions.appendChild(this.submit);
    form.appendChild(actions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    this.form = form;
    respond.appendChild(form);
    this.fillSavedDetails();
    return respond;
  }

  buildChoices() {
    const p = this.options.prefix;
    const box = el('div', 'nc-choices');
    this.choices = {};
    CHOICES.forEach(([name, text]) => {
      const row = el('div', 'nc-check nc-check-' + name);
      const input = el('input');
      input.type = 'checkbox';
      input.id = p + name;
      input.name = name;
      input.checked = false;
      const label = el('label', null, text);
      label.htmlFor = input.id;
      row.appendChild(input);
      row.appendChild(label);
      box.appendChild(row);
      this.choices[name] = input;
    });
    // Unticking is the reader taking their consent back: the saved details go at once, not at the next post
    this.choices.remember.addEventListener('change', () => {
      if (!this.choices.remember.checked) forgetDetails();
    });
    return box;
  }

  /** "Forget this browser", shown only while this browser holds the key of a confirmed address. */
  buildConfirmed() {
    this.confirmed = el('p', 'nc-confirmed');
    this.confirmedText = el('span');
    this.confirmed.appendChild(this.confirmedText);
    this.confirmed.appendChild(document.createTextNode(' '));
    this.forgetButton = el('button', 'nc-link-button nc-forget', 'Forget this browser');
    this.forgetButton.type = 'button';
    this.forgetButton.addEventListener('click', () => this.forgetBrowser());
    this.confirmed.appendChild(this.forgetButton);
    this.refreshConfirmed();
    return this.confirmed;
  }

  refreshConfirmed() {
    const addresses = confirmedAddresses();
    this.confirmed.hidden = addresses.length === 0;
    this.confirmedText.textContent = addresses.length === 0 ? ''
      : 'This browser is recognised for ' + addresses.join(', ') + '.';
  }

  async forgetBrowser() {
    this.forgetButton.disabled = true;
    const ok = await forgetThisBrowser();
    this.forgetButton.disabled = false;
    this.refreshConfirmed();
    this.showMessage(ok ? 'This browser has been forgotten. Your next comment from it will need your address '
      + 'confirmed again.' : 'This browser has forgotten your address, but the service could not be told just now.',
    'info');
    this.message.focus();
  }

  fillSavedDetails() {
    const details = savedDetails();
    if (!details) return;
    ['authorName', 'authorEmail', 'authorUrl'].forEach((name) => { this.inputs[name].value = details[name]; });
    this.choices.remember.checked = true;
  }

  buildField(name) {
    const p = this.options.prefix;
    const spec = FIELDS[name];
    const field = el('div', 'nc-field nc-field-' + name);
    const id = p + name;
    const label = el('label', 'nc-label', spec.label);
    label.htmlFor = id;
    if (spec.required) {
      label.appendChild(document.createTextNode(' '));
      const star = el('span', 'nc-required', '*');
      star.setAttribute('aria-hidden', 'true');
      label.appendChild(star);
    }
    let input;
    if (name === 'body') {
      input = el('textarea', 'nc-input nc-textarea');
      input.rows = 6;
    } else {
      input = el('input', 'nc-input');
      input.type = name === 'authorEmail' ? 'email' : name === 'authorUrl' ? 'url' : 'text';
      input.autocomplete = name === 'authorEmail' ? 'email' : name === 'authorUrl' ? 'url' : 'name';
      if (name === 'authorEmail') input.setAttribute('aria-describedby', p + 'notice');
    }
    input.id = id;
    input.name = name;
    if (spec.required) {
      input.required = true;
      input.setAttribute('aria-required', 'true');
    }
    const error = el('p', 'nc-error');
    error.id = p + name + '-error';
    error.hidden = true;
    field.appendChild(label);
    field.appendChild(input);
    field.appendChild(error);
    this.inputs[name] = input;
    this.errors[name] = error;
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') this.clearError(name);
    });
    return field;
  }

  /** People never see it (off-screen, hidden from screen readers, out of the tab order); bots fill it. */
  buildHoneypot() {
    const p = this.options.prefix;
    const trap = el('div', 'nc-hp');
    trap.setAttribute('aria-hidden', 'true');
    const label = el('label', null, 'Leave this field empty');
    label.htmlFor = p + 'hp';
    this.honeypot = el('input');
    this.honeypot.type = 'text';
    this.honeypot.id = p + 'hp';
    this.honeypot.name = this.honeypotField;
    this.honeypot.tabIndex = -1;
    this.honeypot.autocomplete = 'off';
    this.honeypot.value = '';
    trap.appendChild(label);
    trap.appendChild(this.honeypot);
    return trap;
  }

  /** The server names its honeypot field (admins may rename it) and body limit; without them, defaults stay. */
  applyRules(rules) {
    if (!rules) return;
    const field = rules.honeypotField;
    if (typeof field === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(field) && !FIELDS[field] && field !== 'parentId') {
      this.honeypotField = field;
      this.honeypot.name = field;
    }
    if (typeof rules.maxBodyLength === 'number' && rules.maxBodyLength > 0) this.maxBodyLength = rules.maxBodyLength;
  }

  /**
   * Readies the form for a new comment, a reply to {@code comment} or (null) a top-level one: what the form said about
   * the previous post or attempt (a thank-you, the field errors) belongs to that one and goes.
   */
  open(comment) {
    this.replyTo = comment;
    this.replyNoteText.textContent = comment ? 'Replying to ' + comment.authorName + '.' : '';
    this.replyNote.hidden = !comment;
    this.respond.classList.toggle('nc-respond-inline', !!comment);
    this.hideMessage();
    ORDER.forEach((name) => this.clearError(name));
  }

  focus() {
    this.inputs.body.focus();
  }

  showMessage(text, kind) {
    this.message.textContent = text;
    this.message.className = 'nc-form-message nc-msg-' + kind;
    this.message.hidden = false;
    this.options.announce(text);
  }

  hideMessage() {
    this.message.hidden = true;
    this.message.textContent = '';
  }

  setError(name, message) {
    this.errors[name].textContent = FIELDS[name].label + ' ' + message + '.';
    markInvalid(this.inputs[name], this.errors[name]);
  }

  clearError(name) {
    markValid(this.inputs[name], this.errors[name]);
  }

  values() {
    const v = {};
    for (const name in this.inputs) v[name] = this.inputs[name].value.trim();
    return v;
  }

  /** The same rules the server applies first; the server still has the last word. */
  check(v) {
    const problems = [];
    if (!v.body) problems.push(['body', 'is required']);
    else if (Array.from(v.body).length > this.maxBodyLength) {
      problems.push(['body', 'must be at most ' + this.maxBodyLength + ' characters']);
    }
    if (!v.authorName) problems.push(['authorName', 'is required']);
    if (!v.authorEmail) problems.push(['authorEmail', 'is required']);
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(v.authorEmail)) {
      problems.push(['authorEmail', 'must be a valid email address']);
    }
    if (v.authorUrl && !isHttpUrl(v.authorUrl)) problems.push(['authorUrl', 'must be an http or https address']);
    return problems;
  }

  showProblems(problems) {
    problems.forEach(([name, message]) => this.setError(name, message));
    // Focus goes to the first invalid field in the order of the form
    const first = ORDER.map((name) => this.inputs[name]).find((input) => input.getAttribute('aria-invalid') === 'true');
    const count = problems.length;
    this.showMessage(count === 1 ? 'Please correct the highlighted field.'
      : 'Please correct the ' + count + ' highlighted fields.', 'error');
    if (first) first.focus();
  }

  async send() {
    if (this.sending) return;
    ORDER.forEach((name) => this.clearError(name));
    this.hideMessage();
    const v = this.values();
    const problems = this.check(v);
    if (problems.length) {
      this.showProblems(problems);
      return;
    }
    const payload = { body: v.body, authorName: v.authorName, authorEmail: v.authorEmail };
    if (v.authorUrl) payload.authorUrl = v.authorUrl;
    if (this.replyTo) payload.parentId = this.replyTo.id;
    payload.notifyReplies = this.choices.notifyReplies.checked;
    payload.notifyPublished = this.choices.notifyPublished.checked;
    payload.pageUrl = pageUrl();
    payload.pageTitle = document.title;
    const key = commenterKey(v.authorEmail);
    if (key) payload.commenterKey = key;
    payload[this.honeypotField] = this.honeypot.value;

    this.sending = true;
    this.submit.disabled = true;
    this.submit.textContent = 'Posting…';
    this.options.announce('Posting your comment…');
    try {
      this.handleAnswer(await postComment(this.options.articleId, payload));
    } catch (e) {
      this.showMessage('Your comment could not be sent. Check your connection and try again.', 'error');
    } finally {
      this.sending = false;
      this.submit.textContent = 'Post Comment';
      this.submit.disabled = !!this.closed;
    }
  }

  /** After a 201: keep what the reader allowed us to keep, then say where the comment stands. */
  posted(comment) {
    if (this.choices.remember.checked) saveDetails(this.values());
    if (typeof comment.editToken === 'string' && comment.editToken) {
      rememberOwnComment({ id: comment.id, articleId: this.options.articleId, editToken: comment.editToken,
        editableUntil: comment.editableUntil || null });
    }
    this.options.onPosted(comment);
    this.showMessage(postedText(comment), 'success');
  }

  handleAnswer(answer) {
    const status = answer.status;
    const body = answer.body;
    if (status === 201 && body) {
      this.inputs.body.value = '';
      this.posted(body);
      return;
    }
    const type = body && body.type ? body.type : '';
    if (status === 400 && body && Array.isArray(body.violations) && body.violations.length) {
      const problems = [];
      const general = [];
      body.violations.forEach((violation) => {
        if (this.inputs[violation.field]) problems.push([violation.field, violation.message]);
        else if (violation.field === 'parentId') general.push('The comment you are answering is no longer open to replies.');
        else general.push(violation.message);
      });
      if (problems.length) {
        this.showProblems(problems);
        if (general.length) this.showMessage(general.join(' '), 'error');
      } else {
        this.showMessage(general.join(' ') || 'Your comment could not be accepted.', 'error');
      }
      return;
    }
    if (status === 429) {
      this.showMessage('You are commenting too quickly. Please wait '
        + waitText(answer.headers.get('Retry-After')) + ' and try again.', 'error');
      return;
    }
    if (status === 403 && type.includes('comments-closed')) {
      this.closed = true;
      this.showMessage('Comments are closed for this article.', 'info');
      this.form.querySelectorAll('input, textarea, button').forEach((node) => { node.disabled = true; });
      return;
    }
    if (status === 409) {
      this.showMessage('You have already posted this comment.', 'info');
      return;
    }
    if (status === 413 || (status === 400 && type.includes('payload-too-large'))) {
      this.showMessage('Your comment is too long.', 'error');
      return;
    }
    if (status === 404) {
      this.showMessage('Comments are not available for this article.', 'error');
      return;
    }
    if (status >= 500) {
      this.showMessage('Something went wrong on our side. Please try again in a moment.', 'error');
      return;
    }
    this.showMessage('Your comment could not be posted (error ' + status + ').', 'error');
  }
}

/**
 * What the reader is told after posting. Without the address's key the service mails a confirmation link (unless it
 * mailed one minutes ago, or judged the post spam), whether or not the address was confirmed before in another
 * browser; it never says whether the address is known (anyone can type an address), so neither do we.
 */
export function postedText(comment) {
  let text;
  if (comment.status === 'APPROVED') text = 'Thank you! Your comment has been published.';
  else if (comment.status === 'UNVERIFIED') {
    text = 'Thank you! Your comment will be published after you confirm your address.';
  } else text = 'Thank you! Your comment is awaiting moderation.';
  if (comment.keyMatched === false) {
    text += comment.status === 'UNVERIFIED'
      ? ' Please follow the link in the message we have sent to it.'
      : ' We have sent your address a message with a link to confirm that the comment is yours, unless we sent one '
        + 'a few minutes ago.';
  }
  return text;
}
