// Explain: one asset's grades over time and the factors behind its latest grades.

import {allPages, api} from '../api.js';
import {addDays, badge, h, kv, num, raw, table} from '../dom.js';
import {lineChart} from '../chart.js';
import {go, link} from '../nav.js';
import {change, grade, recommendation, signalCell} from './ratings.js';

const RANGES = [['3m', '3 months', 91], ['6m', '6 months', 182], ['1y', '1 year', 365], ['2y', '2 years', 730], ['all', 'All', null]];

// What each factor measures (docs/methodology.md), shown beside its name.
const FACTORS = {
  ROC_7: '7-day rate of change',
  ROC_30: '30-day rate of change',
  TREND_SMA_50: 'close / SMA 50 − 1',
  TREND_SMA_200: 'close / SMA 200 − 1',
  MACD_HISTOGRAM: 'MACD 12/26/9 histogram / close',
  RSI_14: 'RSI 14 (best near 60)',
  VOLUME_TREND: 'mean volume 7 d / 30 d',
  VOL_ADJUSTED_RETURN: '30-day return per unit of volatility',
  SHARPE_365: 'annualised Sharpe, 365 days',
  SORTINO_365: 'annualised Sortino, 365 days',
  MAX_DRAWDOWN_365: 'largest fall in 365 days (lower is better)',
  LIQUIDITY_90: 'volume / market cap, 90 days',
  SIZE: 'market cap, USD',
  HISTORY: 'days of history (capped at 4 years)',
  PEG_MEAN_DEVIATION_90: 'mean distance from the peg, 90 days',
  PEG_WORST_DEVIATION_90: 'worst distance from the peg, 90 days',
  COLLATERAL: 'collateral score',
  STABLE_SIZE: 'market cap, USD',
  STABLE_TURNOVER_30: 'volume / market cap, 30 days',
};

export async function explainView({root, params, query, signal: abort, title, show}) {
  const symbol = params[0];
  title(symbol + ' grades');
  const range = RANGES.find(r => r[0] === query.get('range')) || RANGES[2];
  const asset = await api('/v1/assets/' + encodeURIComponent(symbol), {signal: abort});

  root.append(h('p', {class: 'crumbs'}, h('a', {href: '#/ratings'}, '← Ratings')),
    h('h1', null, asset.symbol, ' ', h('span', {class: 'muted'}, asset.name)),
    h('p', {class: 'sub'}, asset.kind, asset.lastDate ? ' · prices ' + asset.firstDate + ' to ' + asset.lastDate : ''));
  const chartBox = h('section', {'aria-labelledby': 'history-h'},
    h('div', {class: 'controls'}, h('h2', {id: 'history-h', style: {margin: 0}}, 'Grade history'),
      h('div', {class: 'seg', role: 'group', 'aria-label': 'Period'}, RANGES.map(([key, label]) =>
        h('button', {type: 'button', 'aria-pressed': String(key === range[0]), dataset: {focus: 'range-' + key},
          onclick: () => go('/ratings/' + encodeURIComponent(symbol), {range: key}, 'range-' + key)}, label)))),
    h('p', {class: 'muted'}, 'Loading the history…'));
  root.append(chartBox);
  show();

  const from = range[2] && asset.lastDate ? addDays(asset.lastDate, -range[2]) : null;
  const rows = await allPages('/v1/ratings/' + encodeURIComponent(symbol) + '?limit=500' + (from ? '&from=' + from : ''),
    {signal: abort});
  if (rows.length === 0) {
    chartBox.lastChild.textContent = 'No grades stored for ' + symbol + (from ? ' since ' + from : '')
      + ': the daily grading job may not have reached it yet.';
    return;
  }
  const latest = rows[rows.length - 1];
  chartBox.lastChild.replaceWith(lineChart({
    label: `Trader and investor grade of ${symbol}, ${rows[0].date} to ${latest.date}`,
    series: [
      {name: 'Trader grade', color: 'var(--trader)', points: rows.map(r => [r.date, r.traderGrade])},
      {name: 'Investor grade', color: 'var(--investor)', points: rows.map(r => [r.date, r.investorGrade])},
    ],
    left: {min: 0, max: 100, format: v => num(v, 0)},
    note: rows.length + ' days, ' + rows[0].date + ' to ' + latest.date,
  }));

  root.insertBefore(h('div', {class: 'cards'},
    h('div', {class: 'card'}, h('h3', null, 'Trader grade'), h('div', {class: 'stat'}, grade(latest.traderGrade, '')),
      kv([['Zone', latest.zone ? badge(latest.zone, 'zone-' + latest.zone) : 'none'],
        ['Change', change(latest.traderGradeChange)], ['Signal', signalCell(latest.signal)]])),
    h('div', {class: 'card'}, h('h3', null, 'Investor grade'), h('div', {class: 'stat'}, grade(latest.investorGrade, 'inv')),
      kv([['Change', change(latest.investorGradeChange)], ['Recommendation', recommendation(latest.recommendation)],
        ['As of', latest.date]]))), chartBox);

  root.append(h('h2', null, 'Why: the factors of ' + latest.date),
    h('p', {class: 'sub'}, 'Each factor is ranked against the other assets that day (percentile, 0–100), weighted, '
      + 'and the weighted percentiles add up to the grade. ', h('a', {href: link('/ratings')}, 'Back to all ratings')),
    h('div', {class: 'cols'},
      breakdown('Trader grade', latest.traderBreakdown, latest.traderGrade, 'trader'),
      breakdown('Investor grade', latest.investorBreakdown, latest.investorGrade, 'investor')));
}

function breakdown(name, factors, total, kind) {
  const box = h('section', null, h('h3', null, name));
  if (!factors || factors.length === 0) {
    box.append(h('p', {class: 'muted'}, 'No ' + name.toLowerCase() + ' for this asset (too little history, or a stablecoin).'));
    return box;
  }
  const maxContribution = Math.max(...factors.map(f => f.weight * 100));
  box.append(table({
    className: 'breakdown ' + kind,
    caption: name + ' ' + num(total, 2) + ': factor by factor',
    columns: [{label: 'Factor'}, {label: 'Raw', num: true}, {label: 'Percentile', num: true},
      {label: 'Weight', num: true}, {label: 'Contribution', num: true}],
    rows: factors.map(f => h('tr', {dataset: {factor: f.factor}},
      h('td', null, h('code', null, f.factor), h('div', {class: 'muted', style: {fontSize: '.8rem'}}, FACTORS[f.factor] || '')),
      h('td', {class: 'num'}, raw(f.raw)),
      h('td', {class: 'num'}, num(f.percentile, 1)),
      h('td', {class: 'num'}, num(f.weight * 100, 0) + '%'),
      h('td', {class: 'num'}, h('span', {class: 'grade'}, h('span', {class: 'val'}, num(f.contribution, 2)),
        h('span', {class: 'gbar ' + (kind === 'investor' ? 'inv' : ''), 'aria-hidden': 'true'},
          h('span', {style: {width: (f.contribution / maxContribution * 100).toFixed(1) + '%'}})))))),
  }));
  return box;
}
