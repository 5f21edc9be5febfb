/*
 * "Report" under every published comment: a small form in the card (a reason, as the API accepts them, and an
 * optional note), sent to POST /api/comments/{id}/reports; afterwards the button says "Reported", also after a
 * reload. All of it works with the keyboard alone: the form opens with focus on the first reason, Escape or Cancel
 * closes it and gives focus back to Report, and every outcome is said in the section's live region too.
 */
import { choice, el, markInvalid, markValid } from '../shared/dom.js';
import { waitText } from '../shared/format.js';
import { rememberReported, wasReported } from './memory.js';
import { reportComment } from './service.js';
import { actionsOf } from './thread.js';

/** The reasons the service accepts, in the words readers see. */
export const REASONS = [
  ['spam', 'Spam or advertising'],
  ['abuse', 'Abusive, hateful or harassing'],
  ['off-topic', 'Off-topic'],
  ['other', 'Something else']
];
const NOTE_MAX = 1000;

/** What a reader is told when a report was not taken. */
export function reportFailureText(answer) {
  const status = answer.status;
  if (status === 429) {
    return 'You have sent many reports in a short time. Please wait '
      + waitText(answer.headers.get('Retry-After'), 'a while') + ' and try again.';
  }
  if (status === 404) return 'This comment is no longer published, so it cannot be reported.';
  if (status === 405) return 'Reporting is not available on this site.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'Your report could not be sent (error ' + status + ').';
}

class ReportControl {
  constructor(item, comment, options) {
    this.item = item;
    this.comment = comment;
    this.options = options;
    this.id = options.prefix + 'report-' + comment.id;
    this.button = el('button', 'nc-link-button nc-report', 'Report');
    this.button.type = 'button';
    actionsOf(item).appendChild(this.button);
    if (wasReported(comment.id)) {
      this.done(false);
      return;
    }
    this.button.setAttribute('aria-label', 'Report the comment by ' + (comment.authorName || 'a reader'));
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', this.id);
    this.button.addEventListener('click', () => (this.panel && !this.panel.hidden ? this.close(true) : this.open()));
  }

  build() {
    const panel = el('form', 'nc-report-panel');
    panel.id = this.id;
    panel.noValidate = true;
    panel.setAttribute('aria-label', 'Report the comment by ' + (this.comment.authorName || 'a reader'));
    const set = el('fieldset', 'nc-report-reasons');
    const legend = el('legend', null, 'Why should a moderator look at this comment?');
    set.appendChild(legend);
    this.error = el('p', 'nc-error');
    this.error.id = this.id + '-error';
    this.error.hidden = true;
    this.radios = REASONS.map(([value, text]) => {
      const { row, input } = choice('radio', 'nc-check', this.id + '-' + value, 'reason', value, text);
      set.appendChild(row);
      input.addEventListener('change', () => this.clearError());
      return input;
    });
    set.appendChild(this.error);
    panel.appendChild(set);

    const noteField = el('div', 'nc-field');
    const noteLabel = el('label', 'nc-label', 'Anything the moderators should know? (optional)');
    noteLabel.htmlFor = this.id + '-note';
    this.note = el('textarea', 'nc-input nc-report-note');
    this.note.id = this.id + '-note';
    this.note.name = 'note';
    this.note.rows = 3;
    this.note.maxLength = NOTE_MAX;
    noteField.appendChild(noteLabel);
    noteField.appendChild(this.note);
    panel.appendChild(noteField);

    this.message = el('p', 'nc-report-message');
    this.message.hidden = true;
    this.message.tabIndex = -1;
    panel.appendChild(this.message);

    const actions = el('div', 'nc-report-actions');
    this.send = el('button', 'nc-button nc-submit nc-report-send', 'Send report');
    this.send.type = 'submit';
    const cancel = el('button', 'nc-button nc-secondary nc-report-cancel', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.close(true));
    actions.appendChild(this.send);
    actions.appendChild(cancel);
    panel.appendChild(actions);

    panel.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close(true);
      }
    });
    this.item.querySelector(':scope > .nc-card').appendChild(panel);
    this.panel = panel;
  }

  open() {
    if (!this.panel) this.build();
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.radios[0].focus();
  }

  close(focus) {
    if (!this.panel) return;
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focus) this.button.focus();
  }

  clearError() {
    markValid(this.radios[0], this.error);
  }

  say(text) {
    this.message.textContent = text;
    this.message.hidden = false;
    this.options.announce(text);
  }

  async submit() {
    if (this.sending) return;
    const chosen = this.radios.find((radio) => radio.checked);
    this.message.hidden = true;
    if (!chosen) {
      this.error.textContent = 'Please choose a reason.';
      markInvalid(this.radios[0], this.error);
      this.options.announce('Please choose a reason.');
      this.radios[0].focus();
      return;
    }
    this.sending = true;
    this.send.disabled = true;
    this.send.textContent = 'Sending…';
    let answer;
    try {
      answer = await reportComment(this.comment.id, chosen.value, this.note.value.trim());
    } catch (e) {
      answer = null;
    } finally {
      this.sending = false;
      this.send.disabled = false;
      this.send.textContent = 'Send report';
    }
    if (!answer) {
      this.say('Your report could not be sent. Check your connection and try again.');
      this.message.focus();
      return;
    }
    if (answer.status === 202 || answer.status === 200 || answer.status === 204) {
      rememberReported(this.comment.id);
      this.panel.remove();
      this.panel = null;
      this.done(true);
      this.thanks.focus();
      this.options.announce(this.thanks.textContent);
      return;
    }
    const violations = answer.body && Array.isArray(answer.body.violations) ? answer.body.violations : [];
    if (answer.status === 400 && violations.length) {
      this.say(violations.map((v) => (v.field === 'note' ? 'Your note ' : 'The reason ') + v.message + '.')
        .join(' '));
    } else {
      this.say(reportFailureText(answer));
    }
    this.message.focus();
  }

  /** "Reported": the button stays, disabled; just after sending, beside a thank-you that takes the focus. */
  done(justSent) {
    this.button.textContent = 'Reported';
    this.button.disabled = true;
    this.button.removeAttribute('aria-expanded');
    this.button.removeAttribute('aria-controls');
    this.button.setAttribute('aria-label', 'Reported');
    if (!justSent) return;
    this.thanks = el('span', 'nc-report-thanks', 'Thank you, a moderator will look at it.');
    this.thanks.tabIndex = -1;
    this.button.after(this.thanks);
  }
}

/** Adds Report to the card of a published comment; {@code options}: prefix (for ids), announce(text). */
export function addReport(item, comment, options) {
  return new ReportControl(item, comment, options);
}
