// Backtest: runs POST /v1/backtests for an index and a period and shows the server's HTML report.

import {api, ApiError, clearError, showError} from '../api.js';
import {addDays, h} from '../dom.js';
import {link} from '../nav.js';

export async function backtestView({root, query, signal, title}) {
  title('Backtest');
  const [{items}, regime] = await Promise.all([api('/v1/indices', {signal}), api('/v1/market/regime', {signal})]);
  const last = regime.date;
  const chosen = items.some(i => i.id === query.get('index')) ? query.get('index') : items[0]?.id;
  const field = (label, input) => h('label', null, label, input);
  const form = h('form', {class: 'form', novalidate: true},
    field('Index', h('select', {name: 'index', required: true},
      items.map(i => h('option', {value: i.id, selected: i.id === chosen}, i.name + ' (' + i.id + ')')))),
    field('From', h('input', {type: 'date', name: 'from', value: query.get('from') || addDays(last, -365), max: last})),
    field('To', h('input', {type: 'date', name: 'to', value: query.get('to') || last, max: last})),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'benchmarks', checked: true}), 'with benchmarks'),
    h('button', {type: 'submit', class: 'primary'}, 'Run backtest'));
  const status = h('p', {class: 'muted', role: 'status', 'aria-live': 'polite'});
  const result = h('div', {class: 'result'});
  root.append(h('h1', null, 'Backtest'),
    h('p', {class: 'sub'}, 'Replays an index\'s rules over the stored history (market data up to ' + last + ') and reports '
      + 'return, risk, turnover and fees against buy-and-hold benchmarks.'),
    form, status, result);

  form.onsubmit = async e => {
    e.preventDefault();
    clearError();
    for (const el of form.elements) el.removeAttribute('aria-invalid');
    const request = {
      index: form.elements.index.value,
      from: form.elements.from.value || null,
      to: form.elements.to.value || null,
      benchmarks: form.elements.benchmarks.checked,
    };
    history.replaceState(null, '', link('/backtest', {index: request.index, from: request.from, to: request.to}));
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    result.replaceChildren();
    const started = performance.now();
    const tick = setInterval(() => {
      status.textContent = 'Running the backtest… ' + Math.round((performance.now() - started) / 1000) + ' s';
    }, 1000);
    status.textContent = 'Running the backtest…';
    try {
      const html = await api('/v1/backtests', {method: 'POST', body: request, accept: 'text/html', signal});
      status.textContent = 'Done in ' + ((performance.now() - started) / 1000).toFixed(1) + ' s.';
      show(result, html, request);
    } catch (error) {
      status.textContent = '';
      showError(error, 'Backtest');
      const bad = error instanceof ApiError && error.problem.field && form.elements[error.problem.field];
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      }
    } finally {
      clearInterval(tick);
      button.disabled = false;
    }
  };
}

function show(result, html, request) {
  const name = `backtest-${request.index}-${request.from || 'start'}-${request.to || 'end'}`;
  const frame = h('iframe', {class: 'report', title: 'Backtest report', sandbox: 'allow-same-origin allow-popups'});
  frame.srcdoc = html;
  // Same origin, no scripts: the page may read the report's height to show it without a scrollbar.
  frame.onload = () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = (doc.documentElement.scrollHeight + 24) + 'px';
  };
  const tab = URL.createObjectURL(new Blob([html], {type: 'text/html'}));
  const json = h('button', {type: 'button'}, 'Download JSON');
  json.onclick = async () => {
    json.disabled = true;
    try {
      const body = await api('/v1/backtests', {method: 'POST', body: request});
      const a = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], {type: 'application/json'})),
        download: name + '.json'});
      document.body.append(a);
      a.click();
      a.remove();
    } catch (error) {
      showError(error, 'Backtest JSON');
    } finally {
      json.disabled = false;
    }
  };
  result.replaceChildren(
    h('div', {class: 'actions'},
      h('a', {class: 'button', href: tab, target: '_blank', rel: 'noopener'}, 'Open the report in a new tab'),
      h('a', {class: 'button', href: tab, download: name + '.html'}, 'Download HTML'),
      json),
    frame);
}
