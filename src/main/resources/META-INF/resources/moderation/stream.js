/*
 * Live updates: GET /api/moderation/stream read with fetch, because EventSource cannot send the Authorization header,
 * and its server-sent events parsed here. Each event names a comment and its statuses only
 * ({"type": "new"|"decided", commentId, articleId, from, to}); the console reads the rest through the moderation door.
 */
import { fetchComment } from './api.js';
import { addArrived, belongsHere, indexOf, loadQueue, replaceItem, showDecidedElsewhere } from './queue.js';
import { signOut } from './signin.js';
import { $, state } from './state.js';
import { announce } from './ui.js';

function setStreamState(name, text) {
  const node = $('stream-status');
  node.setAttribute('data-state', name);
  node.textContent = text;
}

export function stopStream() {
  if (state.stream) state.stream.abort();
  state.stream = null;
  setStreamState('off', 'Offline');
}

/**
 * Connects, and on any break reconnects with a growing pause; once connected again the list is reloaded, since
 * events may have been missed meanwhile.
 */
export async function startStream() {
  if (!state.auth) return;
  const controller = new AbortController();
  state.stream = controller;
  setStreamState('connecting', 'Connecting…');
  try {
    const response = await fetch('/api/moderation/stream', {
      headers: { Authorization: 'Basic ' + state.auth.token, Accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal
    });
    if (response.status === 401) {
      signOut('Your session has ended. Please sign in again.');
      return;
    }
    if (!response.ok || !response.body) throw new Error('stream ' + response.status);
    await readEvents(response.body.getReader());
  } catch (e) {
    if (controller.signal.aborted || state.stream !== controller) return;
    setStreamState('reconnecting', 'Reconnecting…');
    const delay = state.streamDelay;
    state.streamDelay = Math.min(delay * 2, 30000);
    setTimeout(() => {
      if (state.stream === controller && state.auth) startStream();
    }, delay);
  }
}

/** Parses the data lines of server-sent events until the stream ends (which throws, so that it reconnects). */
async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  let data = [];
  const line = (text) => {
    if (text === '') {
      if (!data.length) return;
      const payload = data.join('\n');
      data = [];
      let event;
      try {
        event = JSON.parse(payload);
      } catch (e) {
        return; // not ours: ignore
      }
      onStreamEvent(event);
    } else if (text.startsWith('data:')) {
      data.push(text.slice(5).replace(/^ /, ''));
    }
    // a line starting with ':' is a comment that keeps the connection warm
  };
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error('stream ended');
    buffer += decoder.decode(chunk.value, { stream: true });
    let index;
    while ((index = buffer.indexOf('\n')) >= 0) {
      line(buffer.slice(0, index).replace(/\r$/, ''));
      buffer = buffer.slice(index + 1);
    }
  }
}

function onStreamEvent(event) {
  if (event.type === 'connected') {
    state.streamDelay = 1000;
    setStreamState('live', 'Live');
    // Whatever happened before the stream listened is in a fresh first page
    if (state.loadedOnce) loadQueue(true);
    return;
  }
  if (event.type !== 'new' && event.type !== 'decided') return;
  const id = event.commentId;
  // This console's own decision: its answer updates the list
  if (state.deciding[id]) return;
  if (indexOf(id) >= 0) {
    // In Reported any decision may take it off (reports send no events: a reload shows new ones)
    if (state.status === 'REPORTED' || event.to !== state.status) decidedElsewhere(event);
    return;
  }
  if (state.status === 'REPORTED' || event.to !== state.status) return;
  if (state.articleId && event.articleId !== state.articleId) return;
  arrived(event);
}

/**
 * A listed comment was decided in another console (or by the rules, or readers' reports): it stays where it is,
 * saying who decided it and how, and keeps the highlight if it had it.
 */
async function decidedElsewhere(event) {
  const id = event.commentId;
  let detail = null;
  try {
    const answer = await fetchComment(id);
    if (answer.ok) detail = answer.body;
  } catch (e) { /* told from the event alone below */ }
  if (indexOf(id) < 0 || state.deciding[id]) return;
  if (detail && belongsHere(detail)) {
    replaceItem(detail, detail);
    return;
  }
  if (!detail) {
    // Without the details the event still tells what it became
    const shown = state.items[indexOf(id)];
    detail = Object.assign({}, shown, { status: event.to, moderatedBy: null, moderatedAt: null, history: [] });
  }
  const text = showDecidedElsewhere(detail, indexOf(id));
  announce('The comment by ' + detail.authorName + ': ' + text + ', elsewhere.');
}

async function arrived(event) {
  try {
    const answer = await fetchComment(event.commentId);
    if (!answer.ok || !belongsHere(answer.body) || state.nodes[answer.body.id]) return;
    addArrived(answer.body, event.type === 'new');
  } catch (e) { /* the next reload shows it */ }
}
