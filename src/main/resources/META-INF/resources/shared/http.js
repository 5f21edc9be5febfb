/*
 * Calling the service, for the reader embed and the moderator console alike: JSON in and out, RFC 9457
 * application/problem+json read like any other JSON body, and never a cookie (credentials: 'omit'), so no other site
 * can act through a reader's or a moderator's browser.
 */

/** The JSON (or problem+json) body of an answer, or null when it has none or it does not parse. */
export function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return Promise.resolve(null);
  return response.json().catch(() => null);
}

/**
 * Sends one request and answers {@code {status, ok, body, headers}} whatever the status; only a network failure
 * rejects (with a TypeError). {@code options}: method, headers, body (sent as JSON), cache, signal.
 */
export async function request(url, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method || 'GET',
    headers,
    credentials: 'omit',
    cache: options.cache || 'default',
    signal: options.signal,
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  });
  const body = await readJson(response);
  return { status: response.status, ok: response.ok, body, headers: response.headers };
}

/** A problem's words for people: its violations, else its detail, else the fallback with the status. */
export function problemText(answer, fallback) {
  const body = answer.body;
  if (body && Array.isArray(body.violations) && body.violations.length) {
    return body.violations.map((v) => v.field + ' ' + v.message).join('; ');
  }
  if (body && body.detail) return body.detail;
  return fallback + ' (error ' + answer.status + ')';
}
