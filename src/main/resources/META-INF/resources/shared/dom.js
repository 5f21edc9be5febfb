/*
 * Building the page without HTML strings, for the reader embed and the moderator console alike: the only HTML either
 * inserts is the server's sanitized bodyHtml, everything else is made here with createElement and textContent.
 */
import { formatDate } from './format.js';

/** A new element with an optional class and text (set as text, so markup in it shows as typed). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * A radio button or checkbox with its label, in a row of class {@code rowClass}: answers {@code {row, input}}.
 * {@code value} is left unset when undefined.
 */
export function choice(type, rowClass, id, name, value, text) {
  const row = el('div', rowClass);
  const input = el('input');
  input.type = type;
  input.id = id;
  input.name = name;
  if (value !== undefined) input.value = value;
  const label = el('label', null, text);
  label.htmlFor = id;
  row.appendChild(input);
  row.appendChild(label);
  return { row, input };
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A {@code <time>} showing {@code iso} in the reader's own format. */
export function timeNode(iso, className) {
  const node = el('time', className, formatDate(iso));
  node.dateTime = iso || '';
  return node;
}

/** Puts {@code text} in a live region, emptied first so that the same message twice is read twice. */
export function announceIn(live, text) {
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

/**
 * Marks {@code input} invalid and names {@code error} (its message element) first among its descriptions; the
 * message's text is the caller's.
 */
export function markInvalid(input, error) {
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(error.id)) described.unshift(error.id);
  input.setAttribute('aria-describedby', described.join(' '));
}

/** Undoes {@link markInvalid}: hides and empties the message and leaves the input's other descriptions. */
export function markValid(input, error) {
  error.hidden = true;
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  const described = (input.getAttribute('aria-describedby') || '').split(' ')
    .filter((id) => id && id !== error.id);
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  else input.removeAttribute('aria-describedby');
}
