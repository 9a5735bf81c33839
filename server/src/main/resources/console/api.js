// The console's only way to the server: the public REST API, with the token a person entered
// once in this tab. The token lives in sessionStorage: never a cookie, never a URL.
const TOKEN_KEY = 'tributary.token';

export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An error the API answered ({"error": {code, message, field}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function headers(extra) {
  const token = tokenStore.get();
  const all = { Accept: 'application/json', ...extra };
  if (token) all.Authorization = 'Bearer ' + token;
  return all;
}

export async function api(method, path, body, options = {}) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }), signal: options.signal };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The server could not be reached (' + e.message + '). Check that it is running.', null);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = (json && json.error) || {};
    const failure = new ApiError(response.status, error.code || 'http_' + response.status,
      error.message || ('The server answered ' + response.status), error.field);
    if (response.status === 401 && !options.quiet401) onUnauthorized(failure);
    throw failure;
  }
  return json;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body, options) => api('POST', path, body === undefined ? {} : body, options);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** A query string of the given values, leaving out empty ones; arrays repeat their key. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.filter((v) => v !== '' && v != null).forEach((v) => search.append(key, v));
    else if (value !== '' && value != null) search.append(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/**
 * Server-Sent Events read through fetch, so the token goes in the Authorization header (an
 * EventSource cannot send one). Reconnects after a drop; returns a function that closes it.
 */
export function subscribe(path, onEvent, onState) {
  const controller = new AbortController();
  (async () => {
    let wait = 1000;
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
        if (response.status === 401) {
          onUnauthorized(new ApiError(401, 'unauthorized', 'The token was refused', null));
          return;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        onState('live');
        wait = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end), onEvent);
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 15000);
    }
  })();
  return () => controller.abort();
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length) onEvent(name, data.join('\n'));
}
