/*
 * "Your data", at the foot of the comment section: a disclosure (a <details>, so it is closed until asked for and
 * needs no script to open) with an address and a choice, a copy of the data or its erasure, sent to
 * POST /api/commenters/data-request. The service mails a link to that address and answers the same whether or not it
 * knows it, so the form tells nobody who comments here. Labels, a fieldset for the choice, errors tied to the field,
 * and every outcome said in the section's live region too.
 */
import { choice, el, markInvalid, markValid } from '../shared/dom.js';
import { savedDetails } from './memory.js';
import { requestData } from './service.js';

const EMAIL_MAX = 254;
const KINDS = [
  ['export', 'A copy of everything this site keeps about my address'],
  ['erase', 'Erase my comments\u2019 personal data and forget my address']
];

class YourData {
  constructor(options) {
    this.options = options;
    this.id = options.prefix + 'data';
    this.root = el('details', 'nc-your-data');
    const summary = el('summary', 'nc-your-data-summary', 'Your data');
    this.root.appendChild(summary);
    this.root.appendChild(this.build());
    this.root.addEventListener('toggle', () => {
      // a reader who saved their details asks about that address, most likely
      if (this.root.open && !this.email.value) {
        const saved = savedDetails();
        if (saved && saved.authorEmail) this.email.value = saved.authorEmail;
      }
    });
  }

  build() {
    const form = el('form', 'nc-your-data-form');
    form.noValidate = true;
    form.setAttribute('aria-label', 'Ask for your data');
    form.appendChild(el('p', 'nc-your-data-intro', 'Ask for a copy of what this site keeps about your email '
      + 'address (every comment you wrote with it, in every status), or for it to be erased. We send a link to '
      + 'that address; nothing happens until you use it.'));

    const field = el('div', 'nc-field');
    const label = el('label', 'nc-label', 'Your email address');
    label.htmlFor = this.id + '-email';
    this.email = el('input', 'nc-input');
    this.email.type = 'email';
    this.email.id = this.id + '-email';
    this.email.name = 'email';
    this.email.autocomplete = 'email';
    this.email.maxLength = EMAIL_MAX;
    this.email.required = true;
    this.error = el('p', 'nc-error');
    this.error.id = this.id + '-email-error';
    this.error.hidden = true;
    this.email.addEventListener('input', () => markValid(this.email, this.error));
    field.appendChild(label);
    field.appendChild(this.email);
    field.appendChild(this.error);
    form.appendChild(field);

    const set = el('fieldset', 'nc-your-data-kinds');
    set.appendChild(el('legend', null, 'What would you like?'));
    this.kinds = KINDS.map(([value, text], index) => {
      const { row, input } = choice('radio', 'nc-check', this.id + '-' + value, 'kind', value, text);
      input.checked = index === 0;
      set.appendChild(row);
      return input;
    });
    form.appendChild(set);

    this.message = el('p', 'nc-form-message nc-your-data-message');
    this.message.hidden = true;
    this.message.tabIndex = -1;
    form.appendChild(this.message);

    this.send = el('button', 'nc-button nc-submit nc-your-data-send', 'Send me the link');
    this.send.type = 'submit';
    form.appendChild(this.send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    return form;
  }

  async submit() {
    const email = this.email.value.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > EMAIL_MAX) {
      this.error.textContent = 'Enter the email address you comment with, such as name@example.org.';
      markInvalid(this.email, this.error);
      this.email.focus();
      return;
    }
    const kind = this.kinds.find((input) => input.checked).value;
    this.send.disabled = true;
    let answer;
    try {
      answer = await requestData(email, kind);
    } catch (e) {
      answer = null;
    } finally {
      this.send.disabled = false;
    }
    if (answer && answer.status === 202) {
      this.say('A mail with a link is on its way to ' + email + '. The link works once, for 24 hours. If you '
        + 'asked in the last few minutes, use the link of the earlier mail.', 'success');
      return;
    }
    this.say(failureText(answer), 'error');
  }

  say(text, kind) {
    this.message.textContent = text;
    this.message.className = 'nc-form-message nc-your-data-message nc-msg-' + kind;
    this.message.hidden = false;
    this.message.focus();
    this.options.announce(text);
  }
}

/** What a reader is told when the request was not taken; the service's own words for a refusal it explains. */
function failureText(answer) {
  if (!answer) return 'Your request could not be sent. Check your connection and try again.';
  const body = answer.body;
  if (answer.status === 400 && body && Array.isArray(body.violations) && body.violations.length) {
    return 'Please check the form: ' + body.violations.map((v) => v.message).join(', ') + '.';
  }
  if (answer.status === 429 && body && body.detail) return body.detail + '.';
  if (answer.status === 405 || answer.status === 404) return 'Requests for your data are not available on this site.';
  if (answer.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'Your request could not be sent (error ' + answer.status + ').';
}

/** The "Your data" disclosure of one comment section; {@code options}: prefix (for ids), announce(text). */
export function yourData(options) {
  return new YourData(options).root;
}
