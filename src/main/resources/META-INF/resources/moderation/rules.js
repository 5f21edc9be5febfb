/*
 * Admin view Rules: a form built from whatever settings document GET /api/admin/settings sends (lists one per line),
 * PUT back whole; a 400's violations appear beside their fields.
 */
import { clear, el, markInvalid, markValid } from '../shared/dom.js';
import { problemText } from '../shared/http.js';
import { call } from './api.js';
import { $, announce, failed, notice } from './ui.js';

const SETTING_HELP = {
  maxLinks: 'More links than this in a body holds the comment.',
  holdWords: 'Words or phrases that hold a comment for review, one per line.',
  blockWords: 'Words or phrases that send a comment to spam, one per line.',
  blockEmails: 'Addresses, or @domain, whose comments go to spam; one per line.',
  blockIps: 'IP addresses or CIDR ranges whose comments go to spam; one per line.',
  trustReturningCommenters: 'In PRE mode, approve authors with an approved comment and none marked spam.',
  floodSeconds: 'Seconds between two comments from one IP or email; 0 switches it off.',
  honeypotField: 'Name of the hidden form field that only bots fill.',
  closeAfterDays: 'Close comments this many days after an article starts; 0 means never.',
  reportsHideThreshold: 'Reports after which an approved comment is hidden until a moderator decides.',
  defaultModeration: 'Moderation of new articles.'
};

const SETTING_LABEL = { blockIps: 'Block IPs' };

let saved = null;         // the settings document as the service last sent it, for Undo changes

function humanize(key) {
  if (SETTING_LABEL[key]) return SETTING_LABEL[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export async function loadSettings() {
  notice('settings-notice', null);
  $('settings-form').hidden = true;
  try {
    const answer = await call('GET', '/api/admin/settings');
    if (!answer.ok || !answer.body || typeof answer.body !== 'object') {
      notice('settings-notice', problemText(answer, 'The rules could not be loaded'), 'error');
      return;
    }
    saved = answer.body;
    renderSettings(answer.body);
  } catch (e) {
    failed(e);
  }
}

/** One input for a value of the document, and its kind (how it is read back). */
function inputFor(key, value) {
  if (typeof value === 'number') {
    const input = el('input');
    input.type = 'number';
    input.step = '1';
    input.value = String(value);
    return [input, 'number'];
  }
  if (Array.isArray(value)) {
    const input = el('textarea');
    input.rows = Math.min(8, Math.max(3, value.length + 1));
    input.value = value.join('\n');
    return [input, 'list'];
  }
  if (key === 'defaultModeration' || value === 'PRE' || value === 'POST') {
    const input = el('select');
    ['PRE', 'POST'].forEach((mode) => {
      const option = el('option', null, mode);
      option.value = mode;
      input.appendChild(option);
    });
    input.value = value;
    return [input, 'string'];
  }
  if (value !== null && typeof value === 'object') {
    const input = el('textarea');
    input.rows = 4;
    input.value = JSON.stringify(value, null, 2);
    return [input, 'json'];
  }
  const input = el('input');
  input.value = value === null ? '' : String(value);
  return [input, value === null ? 'nullable' : 'string'];
}

export function renderSettings(doc) {
  const box = $('settings-fields');
  clear(box);
  Object.keys(doc).forEach((key) => {
    const value = doc[key];
    const field = el('div', 'setting');
    field.setAttribute('data-key', key);
    const id = 'setting-' + key;
    let input;
    let kind;
    if (typeof value === 'boolean') {
      kind = 'boolean';
      const label = el('label', 'check');
      input = el('input');
      input.type = 'checkbox';
      input.checked = value;
      input.id = id;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + humanize(key)));
      field.appendChild(label);
    } else {
      const text = el('label', 'setting-label', humanize(key));
      text.htmlFor = id;
      field.appendChild(text);
      [input, kind] = inputFor(key, value);
      input.id = id;
      field.appendChild(input);
    }
    input.setAttribute('data-kind', kind);
    input.name = key;
    const help = SETTING_HELP[key] || (kind === 'list' ? 'One per line.' : '');
    if (help) {
      const hint = el('p', 'hint', help);
      hint.id = id + '-hint';
      field.appendChild(hint);
      input.setAttribute('aria-describedby', hint.id);
    }
    const error = el('p', 'field-error');
    error.id = id + '-error';
    error.hidden = true;
    field.appendChild(error);
    box.appendChild(field);
  });
  $('settings-form').hidden = false;
}

function readSettings() {
  const doc = {};
  const bad = [];
  document.querySelectorAll('#settings-fields [data-kind]').forEach((input) => {
    const key = input.name;
    switch (input.getAttribute('data-kind')) {
      case 'boolean': doc[key] = input.checked; break;
      case 'number':
        if (input.value.trim() === '' || isNaN(Number(input.value))) bad.push([key, 'must be a number']);
        doc[key] = Number(input.value);
        break;
      case 'list':
        doc[key] = input.value.split('\n').map((s) => s.trim()).filter(Boolean);
        break;
      case 'json':
        try { doc[key] = JSON.parse(input.value); } catch (e) { bad.push([key, 'must be valid JSON']); }
        break;
      case 'nullable': doc[key] = input.value.trim() === '' ? null : input.value.trim(); break;
      default: doc[key] = input.value.trim();
    }
  });
  return { doc, bad };
}

/** Shows a problem beside its field; {@code entry} is the list entry it is about, if any. Several add up. */
function settingsError(key, message, entry) {
  const field = document.querySelector('#settings-fields .setting[data-key="' + CSS.escape(key) + '"]');
  if (!field) return null;
  const input = field.querySelector('[data-kind]');
  const error = field.querySelector('.field-error');
  const shown = typeof entry === 'string' ? ': "' + (entry.length > 40 ? entry.slice(0, 40) + '…' : entry) + '"' : '';
  const text = humanize(key) + shown + ' ' + message + '.';
  error.textContent = error.hidden ? text : error.textContent + ' ' + text;
  markInvalid(input, error);
  return input;
}

export function clearSettingsErrors() {
  document.querySelectorAll('#settings-fields .setting').forEach((field) => {
    markValid(field.querySelector('[data-kind]'), field.querySelector('.field-error'));
  });
}

export async function saveSettings(event) {
  event.preventDefault();
  clearSettingsErrors();
  notice('settings-notice', null);
  const read = readSettings();
  if (read.bad.length) {
    let first = null;
    read.bad.forEach(([key, message]) => { first = first || settingsError(key, message); });
    if (first) first.focus();
    return;
  }
  try {
    const answer = await call('PUT', '/api/admin/settings', { body: read.doc });
    if (answer.ok) {
      if (answer.body && typeof answer.body === 'object') {
        saved = answer.body;
        renderSettings(answer.body);
      }
      notice('settings-notice', 'Rules saved. They apply to the next comment.', 'success');
      announce('Rules saved.');
      return;
    }
    const violations = answer.body && Array.isArray(answer.body.violations) ? answer.body.violations : [];
    let first = null;
    const other = [];
    violations.forEach((v) => {
      // "holdWords[2]" (the third entry sent) or "settings.holdWords" name the field holdWords
      const name = String(v.field || '');
      const index = /\[(\d+)\]$/.exec(name);
      const key = name.replace(/\[\d+\]$/, '').split('.').pop();
      const entry = index && Array.isArray(read.doc[key]) ? read.doc[key][Number(index[1])] : undefined;
      const input = settingsError(key, v.message, entry);
      if (input) first = first || input;
      else other.push(v.field + ' ' + v.message);
    });
    notice('settings-notice', violations.length ? 'Some rules are not valid.' + (other.length ? ' ' + other.join('; ') : '')
      : problemText(answer, 'The rules could not be saved'), 'error');
    if (first) first.focus();
  } catch (e) {
    failed(e);
  }
}

export function resetSettings() {
  clearSettingsErrors();
  notice('settings-notice', null);
  if (saved) renderSettings(saved);
}
