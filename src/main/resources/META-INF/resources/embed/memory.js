/*
 * What the reader's browser keeps for them, in the site's localStorage (so per site origin), under names that also
 * carry the comment service's origin, so that two services embedded on one site never read each other's entries:
 * - the commenterKey of each confirmed address (keyed by the lower-cased address),
 * - the name, email and website, only when the reader ticks "Save my name, email, and website…",
 * - their own comments ({id, articleId, editToken, editableUntil}), to show them while they await moderation and to
 *   edit or delete them,
 * - the ids of the comments they reported, so that "Reported" stays after a reload.
 * A browser that refuses storage (private modes, full quota) simply remembers nothing; nothing here throws.
 */
const SERVICE_ORIGIN = new URL('../', import.meta.url).origin;
const PREFIX = 'newsComments:' + SERVICE_ORIGIN + ':';
const MAX_OWN = 100;
const MAX_REPORTED = 500;

function read(name, fallback) {
  try {
    const text = window.localStorage.getItem(PREFIX + name);
    if (text === null) return fallback;
    const value = JSON.parse(text);
    return value === null || typeof value !== 'object' ? fallback : value;
  } catch (e) {
    return fallback;
  }
}

function write(name, value) {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + name);
    else window.localStorage.setItem(PREFIX + name, JSON.stringify(value));
  } catch (e) {
    // storage refused: the reader is simply not remembered
  }
}

function lower(email) {
  return String(email || '').trim().toLowerCase();
}

/* commenterKeys: { "ada@example.org": "key" } */

export function commenterKey(email) {
  const keys = read('commenterKeys', {});
  const key = keys[lower(email)];
  return typeof key === 'string' && key ? key : null;
}

export function storeCommenterKey(email, key) {
  if (!email || typeof key !== 'string' || !key) return;
  const keys = read('commenterKeys', {});
  keys[lower(email)] = key;
  write('commenterKeys', keys);
}

/** The addresses this browser holds a key for, as stored (lower case). */
export function confirmedAddresses() {
  return Object.keys(read('commenterKeys', {}));
}

export function commenterKeys() {
  const keys = read('commenterKeys', {});
  return Object.keys(keys).map((email) => keys[email]).filter((key) => typeof key === 'string' && key);
}

export function forgetCommenterKeys() {
  write('commenterKeys', null);
}

/* details: { authorName, authorEmail, authorUrl }, only with the reader's consent */

export function savedDetails() {
  const details = read('details', null);
  if (!details) return null;
  const clean = {};
  ['authorName', 'authorEmail', 'authorUrl'].forEach((name) => {
    clean[name] = typeof details[name] === 'string' ? details[name] : '';
  });
  return clean;
}

export function saveDetails(details) {
  write('details', { authorName: details.authorName || '', authorEmail: details.authorEmail || '',
    authorUrl: details.authorUrl || '' });
}

export function forgetDetails() {
  write('details', null);
}

/* own comments: [{ id, articleId, editToken, editableUntil }], newest last */

export function ownComments(articleId) {
  const all = read('own', []);
  if (!Array.isArray(all)) return [];
  return all.filter((entry) => entry && typeof entry.id === 'number' && typeof entry.editToken === 'string'
    && (articleId === undefined || entry.articleId === articleId));
}

export function ownComment(id) {
  return ownComments().find((entry) => entry.id === id) || null;
}

export function rememberOwnComment(entry) {
  if (!entry || typeof entry.id !== 'number' || typeof entry.editToken !== 'string' || !entry.editToken) return;
  const all = ownComments().filter((other) => other.id !== entry.id);
  all.push({ id: entry.id, articleId: entry.articleId, editToken: entry.editToken,
    editableUntil: entry.editableUntil || null });
  write('own', all.slice(-MAX_OWN));
}

export function updateOwnComment(id, changes) {
  const all = ownComments();
  const entry = all.find((other) => other.id === id);
  if (!entry) return;
  Object.assign(entry, changes);
  write('own', all);
}

export function forgetOwnComment(id) {
  write('own', ownComments().filter((entry) => entry.id !== id));
}

/* reported: [id, …] */

export function wasReported(id) {
  const ids = read('reported', []);
  return Array.isArray(ids) && ids.includes(id);
}

export function rememberReported(id) {
  const ids = read('reported', []);
  const list = Array.isArray(ids) ? ids.filter((other) => other !== id) : [];
  list.push(id);
  write('reported', list.slice(-MAX_REPORTED));
}
