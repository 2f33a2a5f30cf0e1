// The single page: routes on the location hash (#/ratings, #/ratings/BTC, #/indices/top10-mcap,
// #/market, #/stablecoins, #/backtest), each to a view that renders into <main>. Query
// parameters after the path (#/ratings?sort=symbol) are the view's state, so that back, forward
// and reload keep it.

import {clearError, showError} from './api.js';
import {takeFocus} from './nav.js';
import {ratingsView} from './views/ratings.js';
import {explainView} from './views/explain.js';
import {indicesView, indexView} from './views/indices.js';
import {marketView, stablecoinsView} from './views/market.js';
import {backtestView} from './views/backtest.js';

const routes = [
  [/^\/ratings$/, ratingsView, 'ratings'],
  [/^\/ratings\/([^/]+)$/, explainView, 'ratings'],
  [/^\/indices$/, indicesView, 'indices'],
  [/^\/indices\/([^/]+)$/, indexView, 'indices'],
  [/^\/market$/, marketView, 'market'],
  [/^\/stablecoins$/, stablecoinsView, 'stablecoins'],
  [/^\/backtest$/, backtestView, 'backtest'],
];

let current = null;
let lastPath = null;

async function render() {
  const hash = location.hash.replace(/^#/, '') || '/ratings';
  const [path, search = ''] = hash.split('?');
  const route = routes.find(([pattern]) => pattern.test(path));
  if (!route) {
    location.replace('#/ratings');
    return;
  }
  current?.abort();
  const controller = new AbortController();
  current = controller;
  clearError();
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.nav === route[2]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const main = document.getElementById('view');
  const params = path.match(route[0]).slice(1).map(decodeURIComponent);
  const view = document.createElement('div');
  view.className = 'view-' + route[2];
  view.setAttribute('aria-busy', 'true');
  const focusKey = takeFocus();
  const newPage = path !== lastPath;
  lastPath = path;
  try {
    await route[1]({
      root: view, params, query: new URLSearchParams(search), signal: controller.signal, path,
      title: text => { document.title = text + ' · Ballast'; },
      // Views render skeletons early so that slow parts (charts) fill in without a blank page.
      show: () => { if (current === controller) main.replaceChildren(view); },
    });
  } catch (e) {
    showError(e);
  } finally {
    if (current === controller) {
      if (!view.isConnected) main.replaceChildren(view);
      view.removeAttribute('aria-busy');
      if (focusKey) {
        view.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
      } else if (newPage) {
        // A new page: start reading it from the top, as after a real page load.
        window.scrollTo(0, 0);
        main.focus({preventScroll: true});
      }
    }
  }
}

window.addEventListener('hashchange', render);
window.addEventListener('unhandledrejection', e => showError(e.reason));
render();
