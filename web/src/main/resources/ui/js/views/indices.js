// Indices: the list, and one index with its definition, holdings, track record and rebalances.

import {api, showError} from '../api.js';
import {addDays, badge, h, instant, kv, num, pct, price, qty, signedPct, table, usd} from '../dom.js';
import {barList, lineChart} from '../chart.js';
import {go, link} from '../nav.js';

export async function indicesView({root, signal, title}) {
  title('Indices');
  const {items} = await api('/v1/indices', {signal});
  root.append(h('h1', null, 'Indices'),
    h('p', {class: 'sub'}, 'Rule-based baskets that rebalance on a schedule; with the regime overlay they move into '
      + 'healthy stablecoins when the market turns.'),
    h('div', {class: 'cards indices'}, items.map(i => h('article', {class: 'card index', dataset: {id: i.id}},
      h('a', {class: 'title', href: link('/indices/' + encodeURIComponent(i.id))}, i.name),
      h('div', null, h('code', null, i.id), ' ', i.builtIn ? badge('built-in') : badge('custom'), ' ',
        i.regimeOverlay ? badge('regime overlay', 'stable') : badge('always invested')),
      h('p', {class: 'muted'}, i.description),
      kv([['Last rebalance', i.lastRebalance ? i.lastRebalance + ' (' + i.lastTrigger.toLowerCase() + ')' : 'not yet'],
        ['Next', instant(i.nextRebalance)]])))));
}

const RANGES = [['3m', '3 months', 91], ['1y', '1 year', 365], ['all', 'All', null]];

export async function indexView({root, params, query, signal, title, show}) {
  const id = params[0];
  const path = '/v1/indices/' + encodeURIComponent(id);
  const detail = await api(path, {signal});
  const index = detail.index;
  const def = detail.definition;
  title(index.name);
  root.append(h('p', {class: 'crumbs'}, h('a', {href: '#/indices'}, '← Indices')),
    h('h1', null, index.name),
    h('p', {class: 'sub'}, index.description),
    h('div', {class: 'cards'},
      h('section', {class: 'card'}, h('h3', null, 'Rules'), kv([
        ['Id', h('code', null, index.id)],
        ['Selection', words(def.selection.method) + ', ' + def.selection.count + ' assets'],
        ['Weighting', words(def.weighting.method)],
        ['Caps', 'largest ' + pct(def.caps.largestCap, 0) + ', others ' + pct(def.caps.otherCap, 0)],
        ['Rebalance', h('code', null, def.rebalanceCron) ],
        ['Regime overlay', def.regimeOverlay ? 'yes: moves into stablecoins in risk-off' : 'no: always invested'],
      ])),
      h('section', {class: 'card'}, h('h3', null, 'Universe and trading'), kv([
        ['Min market cap', usd(def.universe.minMarketCapUsd, {compact: true}) + ' (members '
          + usd(def.universe.memberMinMarketCapUsd, {compact: true}) + ')'],
        ['Min median volume', usd(def.universe.minMedianDailyVolumeUsd, {compact: true}) + ' over '
          + def.universe.volumeWindowDays + ' d'],
        ['Min history', def.universe.minHistoryDays + ' days'],
        ['Drift band', pct(def.driftBand, 1)],
        ['Min trade', usd(def.minTradeUsd)],
        ['Fee', num(def.feeBps, 1) + ' bps'],
      ])),
      h('section', {class: 'card'}, h('h3', null, 'Schedule'), kv([
        ['Last rebalance', index.lastRebalance ? index.lastRebalance + ' (' + index.lastTrigger.toLowerCase() + ')' : 'not yet'],
        ['Next', instant(index.nextRebalance)],
        ['Backtest', h('a', {href: link('/backtest', {index: index.id})}, 'Run a backtest of this index')],
      ]))));

  const holdingsBox = h('section', {class: 'holdings', 'aria-labelledby': 'holdings-h'}, h('h2', {id: 'holdings-h'}, 'Holdings'),
    h('p', {class: 'muted'}, 'Loading…'));
  const perfBox = h('section', {class: 'performance', 'aria-labelledby': 'perf-h'}, h('h2', {id: 'perf-h'}, 'Performance'),
    h('p', {class: 'muted'}, 'Loading…'));
  const rebalancesBox = h('section', {class: 'rebalances', 'aria-labelledby': 'reb-h'}, h('h2', {id: 'reb-h'}, 'Rebalances'),
    h('p', {class: 'muted'}, 'Loading…'));
  root.append(h('div', {class: 'cols'}, holdingsBox, perfBox), rebalancesBox);
  show();

  const range = RANGES.find(r => r[0] === query.get('range')) || RANGES[1];
  await Promise.all([
    holdings(holdingsBox, path, signal),
    performance(perfBox, path, id, range, index, signal),
    rebalances(rebalancesBox, path, signal),
  ]);
}

async function holdings(box, path, signal) {
  let held;
  try {
    held = await api(path + '/holdings', {signal});
  } catch (e) {
    if (e.status === 404) {
      box.lastChild.textContent = e.message;
      return;
    }
    throw e;
  }
  const items = held.positions.map(p => ({
    label: p.symbol, value: p.weight, className: p.stablecoin ? 'stablecoin' : '',
    title: qty(p.quantity) + ' × ' + price(p.price) + ' = ' + usd(p.value),
    tags: p.stablecoin ? [badge('stablecoin', 'stable')] : null,
  }));
  if (held.cashWeight > 0.00005) items.push({label: 'Cash', value: held.cashWeight, className: 'cash', title: usd(held.cash)});
  const stable = held.positions.filter(p => p.stablecoin).reduce((a, p) => a + p.weight, 0);
  box.lastChild.replaceWith(
    h('p', {class: 'muted'}, 'On ', held.date, ' · value ', h('strong', null, usd(held.value)),
      ' · ', held.positions.length, ' positions · in stablecoins ', pct(stable, 1), ' · rebalanced ', held.rebalancedOn),
    barList(items, {label: 'Weights on ' + held.date, max: Math.max(0.3, ...items.map(i => i.value))}));
}

async function performance(box, path, id, range, index, signal) {
  const from = range[2] && index.lastRebalance ? addDays(index.lastRebalance, -range[2]) : null;
  const perf = await api(path + '/performance' + (from ? '?from=' + from : ''), {signal});
  const heading = box.firstChild;
  heading.after(h('div', {class: 'seg', role: 'group', 'aria-label': 'Period'}, RANGES.map(([key, label]) =>
    h('button', {type: 'button', 'aria-pressed': String(key === range[0]), dataset: {focus: 'range-' + key},
      onclick: () => go('/indices/' + encodeURIComponent(id), {range: key}, 'range-' + key)}, label))));
  const values = perf.values || [];
  box.lastChild.replaceWith(
    kv([['Period', perf.from + ' to ' + perf.to + ' (' + values.length + (values.length === 1 ? ' day)' : ' days)')],
      ['Total return', signedPct(perf.totalReturn)], ['Max drawdown', pct(perf.maxDrawdown)],
      ['Volatility (annualised)', pct(perf.volatility)], ['Rebalances', perf.rebalances]]),
    lineChart({
      label: `Value of ${id} and its stablecoin share, ${perf.from} to ${perf.to}`,
      series: [
        {name: 'Value (USD)', color: 'var(--accent)', points: values.map(v => [v.date, v.value]), format: v => usd(v)},
        {name: 'Stablecoin share', color: 'var(--stable)', axis: 'right', area: true,
          points: values.map(v => [v.date, v.stablecoinWeight]), format: v => pct(v, 1)},
      ],
      left: {money: true},
      right: {min: 0, max: 1, format: v => pct(v, 0)},
      height: 240,
      note: values.length < 2 ? 'The live track record starts on ' + perf.from + '; a backtest shows the years before.' : null,
    }));
}

async function rebalances(box, path, signal) {
  const tbody = h('tbody');
  const more = h('button', {type: 'button', hidden: true}, 'Load older rebalances');
  box.lastChild.replaceWith(h('div', {class: 'table-wrap'}, h('table', {class: 'rebalances'},
    h('caption', null, 'Newest first; expand a row for its weights, orders and regime evidence.'),
    h('thead', null, h('tr', null, ['Date', 'Trigger', 'Reason', 'Regime', 'Orders', 'Fees', ''].map((c, k) =>
      h('th', {scope: 'col', class: k === 4 || k === 5 ? 'num hide-narrow' : k === 2 ? 'hide-narrow' : null},
        c || h('span', {class: 'sr-only'}, 'Details'))))),
    tbody)), more);
  let cursor = null;
  const load = async () => {
    more.disabled = true;
    const page = await api(path + '/rebalances?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''), {signal});
    if (page.items.length === 0 && !cursor) {
      tbody.append(h('tr', null, h('td', {colspan: 7, class: 'muted'}, 'No rebalance yet.')));
    }
    for (const r of page.items) tbody.append(...rebalanceRows(r));
    cursor = page.next;
    more.hidden = !cursor;
    more.disabled = false;
  };
  more.onclick = () => load().catch(e => showError(e, 'Loading rebalances'));
  await load();
}

function rebalanceRows(r) {
  const detailId = 'rebalance-' + r.id;
  const detail = h('tr', {class: 'detail', id: detailId, hidden: true}, h('td', {colspan: 7}, rebalanceDetail(r)));
  const button = h('button', {type: 'button', class: 'expand', 'aria-expanded': 'false', 'aria-controls': detailId,
    'aria-label': 'Details of the rebalance of ' + r.date}, 'Details');
  button.onclick = () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide' : 'Details';
    detail.hidden = !open;
  };
  const orders = Array.isArray(r.orders) ? r.orders.length : 0;
  return [h('tr', {class: 'rebalance'},
    h('td', {class: 'nowrap'}, r.date),
    h('td', null, badge(r.trigger.toLowerCase())),
    h('td', {class: 'hide-narrow'}, r.reason),
    h('td', null, badge(r.regime, 'regime-' + r.regime), ' ',
      h('span', {class: 'muted hide-narrow'}, pct(r.stablecoinFraction, 0) + ' stable')),
    h('td', {class: 'num hide-narrow'}, orders),
    h('td', {class: 'num hide-narrow'}, usd(Number(r.fees), {digits: 2})),
    h('td', null, button)), detail];
}

function rebalanceDetail(r) {
  const symbols = [...new Set([...Object.keys(r.weightsBefore || {}), ...Object.keys(r.weights || {})])]
    .sort((a, b) => (r.weights[b] || 0) - (r.weights[a] || 0));
  const e = r.evidence || {};
  return h('div', {class: 'cols'},
    h('div', null,
      h('p', {class: 'hide-wide'}, r.reason),
      table({caption: 'Weights before and after', columns: [{label: 'Asset'}, {label: 'Before', num: true},
        {label: 'After', num: true}, {label: 'Change', num: true}],
      rows: symbols.map(sym => {
        const before = r.weightsBefore?.[sym] || 0;
        const after = r.weights?.[sym] || 0;
        return h('tr', null, h('td', null, sym), h('td', {class: 'num'}, pct(before)), h('td', {class: 'num'}, pct(after)),
          h('td', {class: 'num ' + (after > before ? 'up' : after < before ? 'down' : 'muted')}, signedPct(after - before)));
      })}),
      kv([['Value before', usd(Number(r.valueBefore))], ['Value after', usd(Number(r.valueAfter))],
        ['Fees', usd(Number(r.fees), {digits: 2}) + ' on ' + (r.orders?.length || 0) + ' orders'],
        ['Cash after', usd(Number(r.cash))], ['Executed', instant(r.executedAt)]])),
    h('div', null,
      h('h3', null, 'Regime evidence'),
      kv([['Regime', badge(e.regime || r.regime, 'regime-' + (e.regime || r.regime))],
        ['Raw regime (before smoothing)', e.rawRegime], ['Score', e.score],
        ['Volatility vote', vote(e.volVote) + ' · volatility ' + pct(e.volatility, 1) + ', percentile ' + pct(e.volPercentile, 0)],
        ['Trend vote', vote(e.trendVote) + ' · MA short ' + num(e.maShort, 3) + ' vs long ' + num(e.maLong, 3)],
        ['Breadth vote', vote(e.breadthVote) + ' · ' + pct(e.breadth, 0) + ' of ' + e.breadthCoins + ' coins'],
        ['Stablecoin share', pct(e.stablecoinFraction ?? r.stablecoinFraction, 0)]]),
      (e.notes?.length || r.notes?.length) ? h('ul', {class: 'notes'}, [...(e.notes || []), ...(r.notes || [])].map(n => h('li', null, n))) : null,
      Array.isArray(r.orders) && r.orders.length ? table({caption: 'Orders', columns: [{label: 'Side'}, {label: 'Asset'},
        {label: 'Quantity', num: true}, {label: 'Price', num: true}, {label: 'Notional', num: true}, {label: 'Fee', num: true}],
      rows: r.orders.map(o => h('tr', null, h('td', {class: o.side === 'BUY' ? 'up' : 'down'}, o.side),
        h('td', null, o.asset?.symbol ?? o.asset), h('td', {class: 'num'}, qty(o.quantity)), h('td', {class: 'num'}, price(o.price)),
        h('td', {class: 'num'}, usd(o.notionalUsd)), h('td', {class: 'num'}, usd(o.feeUsd, {digits: 2}))))}) : null));
}

/** A regime vote: +1 for risk-on, −1 for risk-off. */
export function vote(v) {
  return v > 0 ? '+1 (risk-on)' : v < 0 ? '−1 (risk-off)' : '0 (neutral)';
}

function words(method) {
  return String(method).toLowerCase().replace(/_/g, ' ');
}
