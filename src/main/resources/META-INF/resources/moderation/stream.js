/*
 * Live updates: GET /api/moderation/stream read with fetch, because EventSource cannot send the Authorization header,
 * and its server-sent events parsed here. Each event names a comment and its statuses only
 * ({"type": "new"|"decided", commentId, articleId, from, to}); who hears them is wired by console.js (onStream).
 */
import { sessionEnded } from './api.js';
import { session } from './session.js';
import { $ } from './ui.js';

let stream = null;        // the AbortController of the connection, null when off
let delay = 1000;         // the pause before the next reconnection
let heard = { connected: () => {}, event: () => {} };

/** Who hears the stream: {@code connected()} each time it is (again) connected, {@code event(e)} for the rest. */
export function onStream(connected, event) {
  heard = { connected, event };
}

function setStreamState(name, text) {
  const node = $('stream-status');
  node.setAttribute('data-state', name);
  node.textContent = text;
}

export function stopStream() {
  if (stream) stream.abort();
  stream = null;
  setStreamState('off', 'Offline');
}

/**
 * Connects, and on any break reconnects with a growing pause; each connection tells its hearer, who reloads what it
 * shows, since events may have been missed meanwhile.
 */
export async function startStream() {
  const auth = session();
  if (!auth) return;
  const controller = new AbortController();
  stream = controller;
  setStreamState('connecting', 'Connecting…');
  try {
    const response = await fetch('/api/moderation/stream', {
      headers: { Authorization: 'Basic ' + auth.token, Accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal
    });
    if (response.status === 401) {
      sessionEnded();
      return;
    }
    if (!response.ok || !response.body) throw new Error('stream ' + response.status);
    await readEvents(response.body.getReader());
  } catch (e) {
    if (controller.signal.aborted || stream !== controller) return;
    setStreamState('reconnecting', 'Reconnecting…');
    const pause = delay;
    delay = Math.min(pause * 2, 30000);
    setTimeout(() => {
      if (stream === controller && session()) startStream();
    }, pause);
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
    delay = 1000;
    setStreamState('live', 'Live');
    heard.connected();
    return;
  }
  heard.event(event);
}
