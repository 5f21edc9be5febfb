/* Formatting shared by the reader embed and the moderator console: dates, addresses and waits. */

const dateFormat = (() => {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  } catch (e) {
    return null;
  }
})();

/** An ISO instant in the reader's locale, or '' for a missing or broken one. */
export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date.getTime())) return '';
  return dateFormat ? dateFormat.format(date) : date.toLocaleString();
}

/** Whether {@code value} is an absolute http(s) address with a host: the only links the pages make. */
export function isHttpUrl(value) {
  return /^https?:\/\/[^\s/?#]+/i.test(String(value || ''));
}

/**
 * How long a Retry-After header ({@code value}) asks to wait, in words for "Please wait … and try again":
 * "12 seconds", whole minutes from 90 seconds on, or {@code unknown} when it says nothing.
 */
export function waitText(value, unknown = 'a moment') {
  const seconds = retryAfterSeconds(value);
  if (!seconds) return unknown;
  if (seconds < 90) return seconds + (seconds === 1 ? ' second' : ' seconds');
  return Math.ceil(seconds / 60) + ' minutes';
}

/** Retry-After is seconds or an HTTP date; answers whole seconds, at least 1, or null when it says nothing. */
export function retryAfterSeconds(value) {
  if (!value) return null;
  let seconds = Number(value);
  if (!isFinite(seconds)) {
    const when = Date.parse(value);
    if (isNaN(when)) return null;
    seconds = (when - Date.now()) / 1000;
  }
  return Math.max(1, Math.ceil(seconds));
}
