// Line charts as inline SVG, drawn to the width of their container and redrawn when it changes.
// Time runs along x (dates as 'YYYY-MM-DD'); each series belongs to the left or the right axis.
// A pointer or the arrow keys (when the chart has focus) show the values of one day.

import {h, s} from './dom.js';

const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A chart figure. `series`: [{name, color, points: [[isoDate, value|null], …], axis: 'left'|'right',
 * area, format}]; `left`/`right`: {min, max, format} (min/max optional: from the data);
 * `label`: what the chart shows, for screen readers; `note`: text under the legend.
 */
export function lineChart({label, series, left = {}, right = null, height = 260, note}) {
  const plotted = series.map(sr => ({...sr, pts: sr.points.map(([d, v]) => [Date.parse(d + 'T00:00:00Z'), v, d])}));
  const svg = s('svg', {role: 'img', 'aria-label': label, height, tabindex: 0, class: 'plot'});
  const tip = h('div', {class: 'tip', hidden: true});
  const legend = h('figcaption', {class: 'legend'},
    plotted.map(sr => h('span', null, h('i', {class: sr.area ? 'area' : null, style: {background: sr.color}}), sr.name)),
    note ? h('span', {class: 'muted'}, note) : null);
  const figure = h('figure', {class: 'chart'}, svg, tip, legend);
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    if (!figure.isConnected && lastWidth > 0) {
      observer.disconnect(); // the view was left
      return;
    }
    const width = Math.round(figure.clientWidth);
    if (width > 0 && width !== lastWidth) {
      lastWidth = width;
      draw(svg, tip, plotted, {left, right, width, height});
    }
  });
  observer.observe(figure);
  return figure;
}

function draw(svg, tip, series, {left, right, width, height}) {
  svg.replaceChildren();
  svg.setAttribute('width', width);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const m = {top: 10, right: right ? 56 : 16, bottom: 24, left: 58};
  const pw = Math.max(10, width - m.left - m.right);
  const ph = height - m.top - m.bottom;

  const times = series.flatMap(sr => sr.pts.map(p => p[0]));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (!Number.isFinite(t0)) return;
  if (t0 === t1) {
    t0 -= DAY;
    t1 += DAY;
  }
  const x = t => m.left + (t - t0) / (t1 - t0) * pw;
  const axes = {left: scale(left, series.filter(sr => sr.axis !== 'right')),
    right: right ? scale(right, series.filter(sr => sr.axis === 'right')) : null};
  const y = (axis, v) => m.top + ph - (v - axes[axis].min) / (axes[axis].max - axes[axis].min) * ph;

  const grid = s('g', {class: 'grid'});
  const axisLeft = s('g', {class: 'axis'});
  for (const v of axes.left.ticks) {
    grid.append(s('line', {x1: m.left, x2: m.left + pw, y1: y('left', v), y2: y('left', v)}));
    axisLeft.append(s('text', {x: m.left - 6, y: y('left', v) + 4, 'text-anchor': 'end'}, axes.left.format(v)));
  }
  svg.append(grid, axisLeft);
  if (axes.right) {
    const axisRight = s('g', {class: 'axis'});
    for (const v of axes.right.ticks) {
      axisRight.append(s('text', {x: m.left + pw + 6, y: y('right', v) + 4}, axes.right.format(v)));
    }
    svg.append(axisRight);
  }
  const axisX = s('g', {class: 'axis'});
  for (const [t, text] of dateTicks(t0, t1, pw)) {
    axisX.append(s('line', {x1: x(t), x2: x(t), y1: m.top + ph, y2: m.top + ph + 4, stroke: '#a0a7b4'}),
      s('text', {x: x(t), y: m.top + ph + 17, 'text-anchor': 'middle'}, text));
  }
  axisX.append(s('line', {x1: m.left, x2: m.left + pw, y1: m.top + ph, y2: m.top + ph, stroke: '#a0a7b4'}));
  svg.append(axisX);

  for (const sr of series) {
    const axis = sr.axis === 'right' ? 'right' : 'left';
    let d = '';
    let pen = false;
    for (const [t, v] of sr.pts) {
      if (v == null || !Number.isFinite(v)) {
        pen = false;
        continue;
      }
      d += (pen ? 'L' : 'M') + x(t).toFixed(1) + ' ' + y(axis, v).toFixed(1);
      pen = true;
    }
    if (sr.area && d) {
      const valid = sr.pts.filter(p => p[1] != null && Number.isFinite(p[1]));
      const base = y(axis, axes[axis].min).toFixed(1);
      const area = d + `L${x(valid[valid.length - 1][0]).toFixed(1)} ${base}L${x(valid[0][0]).toFixed(1)} ${base}Z`;
      svg.append(s('path', {d: area, style: `fill: ${sr.color}; fill-opacity: .18; stroke: none`}));
    }
    // Colours go in style, not presentation attributes, so that CSS variables work everywhere.
    svg.append(s('path', {class: 'line', d: d || 'M0 0', style: `fill: none; stroke: ${sr.color}`, 'stroke-width': 2,
      'stroke-linejoin': 'round', 'data-series': sr.name}));
    const valid = sr.pts.filter(p => p[1] != null && Number.isFinite(p[1]));
    if (valid.length === 1) {
      svg.append(s('circle', {cx: x(valid[0][0]), cy: y(axis, valid[0][1]), r: 4, style: `fill: ${sr.color}`}));
    }
  }

  // The cursor: a vertical rule, a dot per series and the values in the tip.
  const rule = s('line', {y1: m.top, y2: m.top + ph, stroke: '#667085', 'stroke-dasharray': '3 3', visibility: 'hidden'});
  const dots = series.map(sr => s('circle', {r: 3.5, style: `fill: ${sr.color}; stroke: #fff`, 'stroke-width': 1.5,
    visibility: 'hidden'}));
  svg.append(rule, ...dots);
  const days = series[0].pts;
  let index = -1;
  const show = i => {
    if (i < 0 || i >= days.length) return;
    index = i;
    const t = days[i][0];
    rule.setAttribute('x1', x(t));
    rule.setAttribute('x2', x(t));
    rule.setAttribute('visibility', 'visible');
    const lines = [days[i][2]];
    series.forEach((sr, k) => {
      const p = sr.pts.find(q => q[0] === t);
      const axis = sr.axis === 'right' ? 'right' : 'left';
      if (p && p[1] != null && Number.isFinite(p[1])) {
        dots[k].setAttribute('cx', x(t));
        dots[k].setAttribute('cy', y(axis, p[1]));
        dots[k].setAttribute('visibility', 'visible');
        lines.push(sr.name + ': ' + (sr.format || axes[axis].format)(p[1]));
      } else {
        dots[k].setAttribute('visibility', 'hidden');
      }
    });
    tip.replaceChildren(...lines.flatMap((l, k) => k ? [h('br'), l] : [h('strong', null, l)]));
    tip.style.left = Math.min(Math.max(x(t), 80), m.left + pw - 40) + 'px';
    tip.style.top = m.top + 'px';
    tip.hidden = false;
  };
  const hide = () => {
    rule.setAttribute('visibility', 'hidden');
    dots.forEach(dot => dot.setAttribute('visibility', 'hidden'));
    tip.hidden = true;
  };
  const overlay = s('rect', {x: m.left, y: m.top, width: pw, height: ph, fill: 'transparent'});
  overlay.addEventListener('pointermove', e => {
    const box = svg.getBoundingClientRect();
    const t = t0 + (e.clientX - box.left - m.left) / pw * (t1 - t0);
    show(nearest(days, t));
  });
  overlay.addEventListener('pointerleave', hide);
  svg.onkeydown = e => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      show(index < 0 ? days.length - 1 : index + (e.key === 'ArrowLeft' ? -1 : 1));
    } else if (e.key === 'Escape') {
      hide();
    }
  };
  svg.onblur = hide;
  svg.append(overlay);
}

function nearest(pts, t) {
  let lo = 0;
  let hi = pts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pts[mid][0] < t) lo = mid;
    else hi = mid;
  }
  return Math.abs(pts[lo][0] - t) <= Math.abs(pts[hi][0] - t) ? lo : hi;
}

/** The axis's range and ticks: the given min/max, else the data's, rounded to nice steps. */
function scale(axis, series) {
  const values = series.flatMap(sr => sr.pts.map(p => p[1])).filter(v => v != null && Number.isFinite(v));
  let min = axis.min ?? Math.min(...values);
  let max = axis.max ?? Math.max(...values);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (min === max) {
    const pad = Math.abs(min) * 0.01 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep((max - min) / 5);
  if (axis.min == null) min = Math.floor(min / step) * step;
  if (axis.max == null) max = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(v);
  const format = axis.format || (axis.money ? v => money(v, step)
    : v => v.toLocaleString('en-US', {maximumFractionDigits: step < 1 ? 2 : 0}));
  return {min, max, ticks, format};
}

/** A dollar tick label with as many decimals as the step needs: $1.005M, $995k, $120. */
function money(v, step) {
  const unit = Math.abs(v) >= 1e6 || step >= 1e6 ? [1e6, 'M'] : Math.abs(v) >= 1e4 || step >= 1e3 ? [1e3, 'k'] : [1, ''];
  const digits = Math.max(0, Math.ceil(-Math.log10(step / unit[0]) - 1e-9));
  return '$' + (v / unit[0]).toFixed(digits) + unit[1];
}

function niceStep(rough) {
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const f = rough / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** Ticks on month starts (every 1, 2, 3, 6 or 12 months) or, for short spans, on days. */
function dateTicks(t0, t1, width) {
  const room = Math.max(2, Math.floor(width / 80));
  const spanDays = (t1 - t0) / DAY;
  const ticks = [];
  if (spanDays <= 62) {
    const step = Math.max(1, Math.ceil(spanDays / room));
    for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += step * DAY) {
      const d = new Date(t);
      ticks.push([t, MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate()]);
    }
    return ticks;
  }
  const months = spanDays / 30.44;
  const step = [1, 2, 3, 6, 12, 24].find(k => months / k <= room) || 48;
  const start = new Date(t0);
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth();
  if (Date.UTC(y, mo, 1) < t0) mo++;
  for (;;) {
    if (mo > 11) {
      y += Math.floor(mo / 12);
      mo %= 12;
    }
    const t = Date.UTC(y, mo, 1);
    if (t > t1) break;
    if ((y * 12 + mo) % step === 0) {
      ticks.push([t, mo === 0 || step >= 12 ? String(y) : MONTHS[mo] + (ticks.length === 0 ? ' ' + y : '')]);
    }
    mo++;
  }
  return ticks;
}

/**
 * A list of horizontal bars: items [{label, value (a fraction), tags: [nodes], className}].
 * Each row carries its value in data-weight, the bar's width is the value against `max`.
 */
export function barList(items, {label, max} = {}) {
  const top = max || Math.max(...items.map(i => i.value), 1e-9);
  return h('ul', {class: 'bars', 'aria-label': label},
    items.map(i => h('li', {class: 'holding ' + (i.className || ''), dataset: {weight: i.value}},
      h('span', {class: 'label', title: i.title}, i.label, i.tags || null),
      h('span', {class: 'track', 'aria-hidden': 'true'},
        h('span', {class: 'fill', style: {width: Math.max(0, Math.min(100, i.value / top * 100)).toFixed(2) + '%', display: 'block'}})),
      h('span', {class: 'pct'}, (i.value * 100).toFixed(2) + '%'))));
}
