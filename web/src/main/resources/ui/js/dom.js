// Small DOM and number-formatting helpers shared by the views. Text always goes in through
// textContent (never innerHTML), so nothing the API returns can become markup.

/**
 * Creates an element: h('td', {class: 'num'}, '42'). Attributes named on* become listeners,
 * `dataset` and `style` objects are copied, `null`/`false` attributes and children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = tag.includes(':') ? document.createElementNS(SVG, tag.split(':')[1]) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function s(tag, attrs, ...children) {
  return h('svg:' + tag, attrs, ...children);
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** A table: columns [{label, num, class}] and rows of cells (strings, nodes or {text, class}). */
export function table({caption, columns, rows, className}) {
  return h('div', {class: 'table-wrap'},
    h('table', {class: className},
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, columns.map(c => c instanceof Node ? c
        : h('th', {scope: 'col', class: [c.num ? 'num' : '', c.class || ''].join(' ').trim() || null}, c.label)))),
      h('tbody', null, rows)));
}

/** A definition list of [label, value] pairs. */
export function kv(pairs) {
  return h('dl', {class: 'kv'}, pairs.filter(p => p).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

const missing = '—';

function finite(x) {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A number with a fixed count of decimals, or a dash when unknown (null, NaN, "NaN"). */
export function num(x, digits = 2) {
  return finite(x) ? x.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : missing;
}

/** A fraction as a percentage: 0.1234 → "12.34%". */
export function pct(x, digits = 2) {
  return finite(x) ? num(x * 100, digits) + '%' : missing;
}

/** A signed number with a true minus sign: "+2.97", "−0.59". */
export function signed(x, digits = 2) {
  if (!finite(x)) return missing;
  const text = num(Math.abs(x), digits);
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + text;
}

/** A signed fraction as a percentage: −0.0123 → "−1.23%". */
export function signedPct(x, digits = 2) {
  return finite(x) ? signed(x * 100, digits) + '%' : missing;
}

/** US dollars, whole or compact: 999014.7 → "$999,015", 1.99e8 → "$199.6M". */
export function usd(x, {compact = false, digits = 0} = {}) {
  if (!finite(x)) return missing;
  if (compact && Math.abs(x) >= 1e6) return '$' + shortNumber(x);
  return '$' + x.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

/** A price: enough significant digits for coins worth $40,000 and $0.003. */
export function price(x) {
  if (!finite(x)) return missing;
  const digits = Math.abs(x) >= 100 ? 2 : Math.abs(x) >= 1 ? 4 : 6;
  return '$' + x.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2)});
}

/** A raw factor value of any magnitude: 1.99e8 → "199.6M", 1460 → "1,460", 0.1149 → "0.1149". */
export function raw(x) {
  if (x === 'Infinity' || x === Infinity) return '∞';
  if (!finite(x)) return missing;
  const a = Math.abs(x);
  if (a >= 1e6) return shortNumber(x);
  if (a >= 100) return num(x, 0);
  if (a >= 1) return num(x, 2);
  if (a === 0) return '0';
  return x.toPrecision(4).replace(/^(-?)0\./, '$10.');
}

function shortNumber(x) {
  const a = Math.abs(x);
  for (const [scale, suffix] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']]) {
    if (a >= scale) return (x / scale).toFixed(1) + suffix;
  }
  return num(x, 0);
}

/** A quantity of coins: up to 6 significant decimals. */
export function qty(x) {
  return finite(x) ? x.toLocaleString('en-US', {maximumFractionDigits: Math.abs(x) >= 1000 ? 2 : 6}) : missing;
}

/** An instant as "2026-11-30 00:00 UTC". */
export function instant(text) {
  return text ? text.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : missing;
}

/** Adds days to an ISO date string: addDays('2025-12-31', -365). */
export function addDays(iso, days) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A badge: text with a colour class; colour is never the only carrier of meaning. */
export function badge(text, className, title) {
  return h('span', {class: 'badge ' + (className || ''), title}, text);
}
