// Market: the regime the index overlay acts on, with its three votes; and stablecoin peg health.

import {api} from '../api.js';
import {badge, h, kv, num, pct, price, signedPct, table} from '../dom.js';
import {go} from '../nav.js';
import {vote} from './indices.js';

const SHARE = {RISK_ON: 'fully invested', NEUTRAL: 'half in stablecoins', RISK_OFF: 'all in stablecoins'};

export async function marketView({root, query, signal, title}) {
  title('Market regime');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') || '') ? query.get('date') : null;
  const r = await api('/v1/market/regime' + (date ? '?date=' + date : ''), {signal});
  const form = h('form', {class: 'controls', onsubmit: e => {
    e.preventDefault();
    go('/market', {date: e.target.elements.date.value}, 'date');
  }},
  h('label', null, 'As of', h('input', {type: 'date', name: 'date', value: r.date, dataset: {focus: 'date'}})),
  h('button', {type: 'submit'}, 'Show'),
  date ? h('a', {href: '#/market'}, 'Latest day') : null);
  root.append(h('h1', null, 'Market regime'),
    h('p', {class: 'sub'}, 'Three signals on a cap-weighted index of the coins vote; two must agree to leave NEUTRAL. '
      + 'Indices with the regime overlay hold stablecoins in proportion.'),
    form,
    h('div', {class: 'cards'},
      h('section', {class: 'card'}, h('h3', null, 'Regime on ' + r.date),
        h('p', null, h('span', {id: 'regime', class: 'badge big regime-' + r.regime}, r.regime)),
        kv([['Stablecoin share', pct(r.stablecoinFraction, 0) + ' (' + (SHARE[r.regime] || '') + ')'],
          ['Score', num(r.score, 0) + ' of −3..+3'], ['Raw regime', r.rawRegime],
          ['Index level', num(r.marketLevel, 3)]])),
      voteCard('Volatility', r.volatilityVote, [
        ['30-day volatility', pct(r.volatility, 1) + ' annualised'],
        ['Percentile of its year', pct(r.volatilityPercentile, 0)],
        ['Rule', '+1 at ≤ 50%, −1 at ≥ 80%']]),
      voteCard('Trend', r.trendVote, [
        ['Index level', num(r.marketLevel, 3)],
        ['50-day average', num(r.movingAverageShort, 3)],
        ['200-day average', num(r.movingAverageLong, 3)],
        ['Rule', '+1 when level and 50-day are above the 200-day']]),
      voteCard('Breadth', r.breadthVote, [
        ['Coins above the line', pct(r.breadth, 0)],
        ['Coins counted', r.breadthCoins],
        ['Rule', '+1 at ≥ 60%, −1 at ≤ 40%']])),
    ...(r.notes?.length ? [h('ul', {class: 'notes'}, r.notes.map(n => h('li', null, n)))] : []));
}

function voteCard(name, value, pairs) {
  return h('section', {class: 'card vote-card'}, h('h3', null, name + ' vote'),
    h('p', {class: 'vote ' + (value > 0 ? 'up' : value < 0 ? 'down' : 'muted')}, vote(value)), kv(pairs));
}

const STATUS = {'on-peg': 'ON_PEG', watch: 'WATCH', depeg: 'DEPEG', unknown: 'UNKNOWN'};

export async function stablecoinsView({root, signal, title}) {
  title('Stablecoins');
  const {items} = await api('/v1/stablecoins', {signal});
  const counts = {};
  for (const c of items) counts[c.status] = (counts[c.status] || 0) + 1;
  root.append(h('h1', null, 'Stablecoins'),
    h('p', {class: 'sub'}, 'Peg health on ' + (items[0]?.date || 'the latest day') + ': how far each stablecoin is from its peg '
      + 'and from the other stablecoins of its currency. Indices hold only healthy ones.'),
    h('p', null, Object.keys(STATUS).filter(s => counts[s]).map(s => [badge(STATUS[s] + ': ' + counts[s], 'peg-' + s), ' '])),
    table({
      className: 'stablecoins',
      caption: 'Deviation: close against the peg; worst: the largest distance in 7 days (close, low or high).',
      columns: [{label: 'Symbol'}, {label: 'Status'}, {label: 'Collateral', class: 'hide-narrow'}, {label: 'Price', num: true},
        {label: 'Deviation', num: true}, {label: 'Worst 7 d', num: true}, {label: 'Off-peg days (30)', num: true, class: 'hide-narrow'},
        {label: 'Reasons'}],
      rows: items.map(c => h('tr', {dataset: {symbol: c.symbol, status: c.status}},
        h('td', {class: 'sym'}, h('a', {href: '#/ratings/' + encodeURIComponent(c.symbol)}, c.symbol)),
        h('td', null, badge(STATUS[c.status] || c.status, 'peg-' + c.status),
          c.liquidityWarning ? [' ', badge('thin liquidity', 'warn')] : null),
        h('td', {class: 'hide-narrow'}, c.collateral + ' · ' + c.pegCurrency),
        h('td', {class: 'num'}, price(c.price)),
        h('td', {class: 'num'}, signedPct(c.deviation, 2)),
        h('td', {class: 'num'}, signedPct(c.worstDeviation7d, 2)),
        h('td', {class: 'num hide-narrow'}, c.daysOffPeg30d),
        h('td', {class: 'reasons'}, c.reasons.length
          ? h('ul', {class: 'notes'}, c.reasons.map(t => h('li', null, t))) : h('span', {class: 'muted'}, 'within its band')))),
    }));
}
