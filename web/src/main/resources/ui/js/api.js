// The one way the UI talks to the API. Problems (application/problem+json: title, detail,
// field) become ApiError and are shown in the alert banner by the caller; a 503 with
// Retry-After (the server is still loading the market, or is busy with backtests) is waited
// out with a visible "loading…" banner and retried, never shown as an error.

import {h} from './dom.js';

/** An answer of the API that was not a success, with its problem body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

const waiting = new Map();
let waitId = 0;

/**
 * Fetches `path` and returns its JSON (or text when `accept` is not JSON). Throws ApiError for
 * 4xx/5xx answers and an AbortError when `signal` is aborted (the user navigated away).
 */
export async function api(path, {method = 'GET', body, accept = 'application/json', signal} = {}) {
  const headers = {Accept: accept};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const id = ++waitId;
  try {
    for (;;) {
      let res;
      try {
        res = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal});
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        throw new ApiError(0, {title: 'The server did not answer', detail: 'is Ballast still running? (' + e.message + ')'});
      }
      if (res.status === 503) {
        const problem = await readProblem(res);
        const seconds = Math.min(30, Math.max(1, parseInt(res.headers.get('Retry-After'), 10) || 5));
        waiting.set(id, problem.detail || 'the server is busy');
        showLoading(seconds);
        await sleep(seconds * 1000, signal);
        continue;
      }
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      if (accept === 'application/json') return await res.json();
      return accept.startsWith('application/') ? await res.blob() : await res.text();
    }
  } finally {
    if (waiting.delete(id)) showLoading();
  }
}

/** Every page of a paged list endpoint (`items`, `next`), concatenated. */
export async function allPages(path, options) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api(cursor ? path + sep + 'cursor=' + encodeURIComponent(cursor) : path, options);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

async function readProblem(res) {
  const text = await res.text();
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object') return body;
  } catch (notJson) {
    // a proxy's or Jetty's own page: show its status line instead
  }
  return {title: res.status + ' ' + res.statusText, detail: text.slice(0, 300) || null};
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('navigated away', 'AbortError'));
    }, {once: true});
  });
}

function showLoading(seconds) {
  const el = document.getElementById('loading');
  if (waiting.size === 0) {
    el.hidden = true;
    el.textContent = '';
    return;
  }
  const reason = [...waiting.values()][0];
  el.textContent = 'Loading… ' + reason + (seconds ? ' (retrying every ' + seconds + ' s)' : '');
  el.hidden = false;
}

/** Shows an error in the alert banner: an ApiError's title, detail and field, or any Error. */
export function showError(error, context) {
  if (error?.name === 'AbortError') return;
  const el = document.getElementById('alert');
  const problem = error instanceof ApiError ? error.problem
      : {title: 'Something went wrong in the page', detail: String(error?.message || error)};
  if (!(error instanceof ApiError)) console.error(error);
  el.replaceChildren(
    h('div', {class: 'body'},
      h('strong', {class: 'title'}, (context ? context + ': ' : '') + (problem.title || 'Error')
        + (error instanceof ApiError && error.status ? ' (' + error.status + ')' : '')),
      problem.detail ? h('span', {class: 'detail'}, problem.detail) : null,
      problem.field ? h('div', {class: 'field'}, 'Field: ', h('code', null, problem.field)) : null),
    h('button', {type: 'button', onclick: clearError, 'aria-label': 'Dismiss the message'}, '×'));
  el.hidden = false;
}

export function clearError() {
  const el = document.getElementById('alert');
  el.hidden = true;
  el.replaceChildren();
}
