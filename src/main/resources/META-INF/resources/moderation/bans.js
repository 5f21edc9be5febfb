/*
 * Banning a comment's author from the queue: a small form under the comment (reason, and the IP too if wanted). The
 * author's other comments on show then say that they are banned, in this tab.
 */
import { el } from '../shared/dom.js';
import { problemText } from '../shared/http.js';
import { call } from './api.js';
import { reloadItem } from './decisions.js';
import { replaceItem, shownItems } from './list.js';
import { announce, failed, toast } from './ui.js';

let banned = {};          // lower-cased email -> the ban made in this tab

/** The ban made in this tab of the comment's author, or null. */
export function bannedAuthor(item) {
  return item.authorEmail ? banned[String(item.authorEmail).toLowerCase()] : null;
}

/** Forgets the bans made in this tab (signing out). */
export function forgetBans() {
  banned = {};
}

export function openBan(node, item) {
  if (bannedAuthor(item)) return;
  const existing = node.querySelector('.ban-form');
  if (existing) {
    existing.querySelector('input').focus();
    return;
  }
  const form = el('form', 'ban-form');
  form.noValidate = true;
  form.appendChild(el('p', 'ban-title', 'Ban ' + item.authorName + ' (' + item.authorEmail + ')'));
  const reasonId = 'ban-reason-' + item.id;
  const label = el('label', null, 'Reason');
  label.htmlFor = reasonId;
  const input = el('input');
  input.id = reasonId;
  input.required = true;
  input.maxLength = 2000;
  const ipLabel = el('label', 'check');
  const ip = el('input');
  ip.type = 'checkbox';
  ipLabel.appendChild(ip);
  ipLabel.appendChild(document.createTextNode(' Also ban the IP address ' + (item.ip || '')));
  const submit = el('button', 'btn btn-spam', 'Ban');
  submit.type = 'submit';
  const cancel = el('button', 'btn btn-quiet', 'Cancel');
  cancel.type = 'button';
  const error = el('p', 'field-error');
  error.id = reasonId + '-error';
  error.hidden = true;
  cancel.addEventListener('click', () => {
    form.parentNode.removeChild(form);
    node.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const why = input.value.trim();
    if (!why) {
      error.textContent = 'Give a reason for the ban.';
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.focus();
      return;
    }
    ban(item, why, ip.checked, form, submit, error);
  });
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(error);
  form.appendChild(ipLabel);
  const buttons = el('div', 'ban-buttons');
  buttons.appendChild(submit);
  buttons.appendChild(cancel);
  form.appendChild(buttons);
  node.insertBefore(form, node.querySelector('.history'));
  input.focus();
}

async function ban(item, why, banIp, form, submit, error) {
  submit.disabled = true;
  try {
    const answer = await call('POST', '/api/moderation/comments/' + item.id + '/ban', { body: { reason: why, banIp } });
    submit.disabled = false;
    if (answer.ok) {
      form.parentNode.removeChild(form);
      banned[String(item.authorEmail).toLowerCase()] = answer.body;
      toast(item.authorName + ' is banned' + (banIp ? ', and their IP address too.' : '.'), 'success');
      announce(item.authorName + ' is banned.');
      // Every comment of theirs on show says so; the banned one is read again with its history
      shownItems().forEach((other) => {
        if (other.id !== item.id && bannedAuthor(other)) replaceItem(other);
      });
      reloadItem(item.id).catch(() => { /* the toast said it */ });
    } else if (answer.status === 404) {
      error.textContent = 'This comment no longer exists.';
      error.hidden = false;
    } else {
      error.textContent = problemText(answer, 'The ban failed');
      error.hidden = false;
    }
  } catch (e) {
    submit.disabled = false;
    failed(e);
  }
}
