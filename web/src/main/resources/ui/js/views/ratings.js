// Ratings: the latest grades of every asset, sorted and filtered by the API, paged by cursor.

import {api} from '../api.js';
import {badge, h, num, signed, table} from '../dom.js';
import {go, link} from '../nav.js';

const PAGE = 25;
const KINDS = ['coin', 'stablecoin'];
export const ZONES = ['crashing', 'losing', 'steady', 'gaining', 'surging'];
const SORTS = {
  symbol: 'asc', traderGrade: 'desc', traderGradeChange: 'desc', investorGrade: 'desc', investorGradeChange: 'desc',
};
const SORT_NAMES = {
  symbol: 'symbol', traderGrade: 'trader grade', traderGradeChange: 'change of the trader grade',
  investorGrade: 'investor grade', investorGradeChange: 'change of the investor grade',
};

// The cursors of the pages seen for the current query, so that "Previous" can go back.
let seen = {key: null, cursors: [null]};

export async function ratingsView({root, query, signal, title}) {
  title('Ratings');
  const state = {
    sort: SORTS[query.get('sort')] ? query.get('sort') : 'traderGrade',
    order: ['asc', 'desc'].includes(query.get('order')) ? query.get('order') : null,
    kind: KINDS.includes(query.get('kind')) ? query.get('kind') : '',
    zone: ZONES.includes(query.get('zone')) ? query.get('zone') : '',
  };
  state.order = state.order || SORTS[state.sort];
  const page = Math.max(1, parseInt(query.get('page'), 10) || 1);
  const cursor = query.get('cursor');
  // Paging stays on the day of the first page: a cursor is only good for the query that gave it,
  // and "latest" moves on while the grading job runs.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') || '') ? query.get('date') : null;
  const key = JSON.stringify(state);
  if (seen.key !== key) seen = {key, cursors: [null]};
  seen.cursors[page - 1] = cursor;

  const params = new URLSearchParams({limit: PAGE, sort: state.sort, order: state.order});
  if (state.kind) params.set('kind', state.kind);
  if (state.zone) params.set('zone', state.zone);
  if (date) params.set('date', date);
  if (cursor) params.set('cursor', cursor);
  const to = (changes, focus) => go('/ratings', {...state, ...changes}, focus);

  const filters = h('div', {class: 'controls'},
    select('Kind', 'kind', state.kind, [['', 'All kinds'], ...KINDS.map(k => [k, k])], v => to({kind: v}, 'kind')),
    select('Trader zone', 'zone', state.zone, [['', 'All zones'], ...ZONES.map(z => [z, z])], v => to({zone: v}, 'zone')),
    // The same sorts as the column headers, for narrow screens where some columns are hidden.
    select('Sort', 'sort', state.sort + ' ' + state.order, Object.keys(SORTS).flatMap(f => ['desc', 'asc'].map(o =>
      [f + ' ' + o, sortLabel(f, o)])), v => {
      const [sort, order] = v.split(' ');
      to({sort, order}, 'sort');
    }));
  root.append(h('h1', null, 'Ratings'),
    h('p', {class: 'sub'}, 'Trader grade (short-term momentum, 0–100, with its zone) and investor grade '
      + '(long-term quality) of every asset. Choose a symbol to see why it has its grades.'), filters);

  const body = await api('/v1/ratings?' + params, {signal});
  const items = body.items;
  const day = items[0]?.date || date;
  const turn = (changes, focus) => to({date: day, ...changes}, focus);
  seen.cursors[page] = body.next;

  const header = (label, field, extra) => {
    const active = state.sort === field;
    return h('th', {scope: 'col', class: extra, 'aria-sort': active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'},
      h('button', {type: 'button', class: 'sort', dataset: {focus: 'sort-' + field, sort: field},
        title: 'Sort by ' + label.toLowerCase(),
        onclick: () => to({sort: field, order: active ? (state.order === 'asc' ? 'desc' : 'asc') : SORTS[field]},
          'sort-' + field)}, label));
  };
  const rows = items.map(r => h('tr', {dataset: {symbol: r.symbol}},
    h('td', {class: 'sym'}, h('a', {href: link('/ratings/' + encodeURIComponent(r.symbol))}, r.symbol)),
    h('td', null, grade(r.traderGrade, '')),
    h('td', null, r.zone ? badge(r.zone, 'zone-' + r.zone) : h('span', {class: 'muted'}, 'no zone')),
    h('td', {class: 'num hide-narrow'}, change(r.traderGradeChange)),
    h('td', null, grade(r.investorGrade, 'inv')),
    h('td', {class: 'num hide-narrow'}, change(r.investorGradeChange)),
    h('td', {class: 'hide-narrow'}, signalCell(r.signal)),
    h('td', null, recommendation(r.recommendation))));
  root.append(table({
    className: 'ratings',
    caption: (day ? 'Grades of ' + day : 'No grades match') + ' · page ' + page
      + ' · sorted by ' + sortLabel(state.sort, state.order),
    columns: [header('Symbol', 'symbol'), header('Trader grade', 'traderGrade'), {label: 'Zone'},
      header('Δ trader', 'traderGradeChange', 'num hide-narrow'), header('Investor grade', 'investorGrade'),
      header('Δ investor', 'investorGradeChange', 'num hide-narrow'), {label: 'Signal', class: 'hide-narrow'},
      h('th', {scope: 'col'}, h('span', {class: 'hide-narrow'}, 'Recommendation'),
        h('abbr', {class: 'only-narrow', title: 'Recommendation'}, 'Advice'))],
    rows: rows.length ? rows : [h('tr', null, h('td', {colspan: 8, class: 'muted'}, 'No asset matches these filters.'))],
  }));
  const prev = page > 1 ? seen.cursors[page - 2] : undefined;
  root.append(h('div', {class: 'pager'},
    h('button', {type: 'button', disabled: page === 1, dataset: {focus: 'prev'},
      onclick: () => turn(prev === undefined ? {} : {page: page - 1, cursor: prev}, 'prev')},
      prev === undefined && page > 1 ? '« First page' : '‹ Previous'),
    h('span', {class: 'muted'}, 'Page ' + page),
    h('button', {type: 'button', disabled: !body.next, dataset: {focus: 'next'},
      onclick: () => turn({page: page + 1, cursor: body.next}, 'next')}, 'Next ›')));
}

function sortLabel(field, order) {
  const way = field === 'symbol' ? (order === 'asc' ? 'A to Z' : 'Z to A') : order === 'asc' ? 'lowest first' : 'highest first';
  return SORT_NAMES[field] + ', ' + way;
}

function select(label, name, value, options, onChange) {
  return h('label', null, label,
    h('select', {name, dataset: {focus: name}, onchange: e => onChange(e.target.value)},
      options.map(([v, text]) => h('option', {value: v, selected: v === value}, text))));
}

/** A grade as a number with a small bar, or a dash for assets without that grade. */
export function grade(value, kind) {
  if (value == null) return h('span', {class: 'muted', title: 'not graded'}, '—');
  return h('span', {class: 'grade'}, h('span', {class: 'val'}, num(value, 1)),
    h('span', {class: 'gbar ' + kind, 'aria-hidden': 'true'}, h('span', {style: {width: Math.max(0, Math.min(100, value)) + '%'}})));
}

export function change(value) {
  if (value == null) return h('span', {class: 'muted'}, '—');
  return h('span', {class: value > 0 ? 'up' : value < 0 ? 'down' : 'muted'}, signed(value, 2));
}

export function signalCell(value) {
  if (value > 0) return h('span', {class: 'up', title: 'signal +1: buy'}, '▲ +1');
  if (value < 0) return h('span', {class: 'down', title: 'signal −1: sell'}, '▼ −1');
  return h('span', {class: 'muted', title: 'signal 0: no change'}, '● 0');
}

export function recommendation(value) {
  const text = (value || 'not-rated').replace('-', ' ');
  const cls = /buy/.test(value) ? 'good' : /sell/.test(value) ? 'bad' : '';
  return badge(text, cls);
}
