// Links within the single page: a path and the view's state as query parameters in the hash.

/** Builds a hash for a path and query: link('/ratings', {sort: 'symbol'}) → '#/ratings?sort=symbol'. */
export function link(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v != null && v !== '') params.set(k, v);
  }
  const text = params.toString();
  return '#' + path + (text ? '?' + text : '');
}

let pendingFocus = null;

/** Goes to a path and query, keeping focus on the control with data-focus=`focusKey` after the re-render. */
export function go(path, query, focusKey) {
  pendingFocus = focusKey || null;
  location.hash = link(path, query);
}

/** The control to focus after the next render (once). */
export function takeFocus() {
  const key = pendingFocus;
  pendingFocus = null;
  return key;
}
