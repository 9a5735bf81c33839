// Widgets drawn from a block's widget data: a metric with its change against the previous value,
// a list (the first array in the data) as a table, and a line chart of the block's history.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h, clear } from './dom.js';

export const TEMPLATES = [
  { id: 'metric', label: 'Metric (a number, with its change)' },
  { id: 'list', label: 'List (a table of the first list in the data)' },
  { id: 'chart', label: 'Line chart (the history of a number)' },
];

const META = new Set(['title', 'label']);

export function titleOf(data, fallback) {
  return (data && (typeof data.title === 'string' ? data.title : typeof data.label === 'string' ? data.label : null)) || fallback;
}

/** The widget's body for its template; `history` (optional) feeds the metric's change and the chart. */
export function widgetBody(template, data, history) {
  data = data || {};
  if (template === 'list' || template === 'table') return listBody(data);
  if (template === 'chart') return chartBody(history);
  return metricBody(data, history);
}

function scalarEntries(data) {
  return Object.entries(data).filter(([key, value]) => !META.has(key) && value !== null && typeof value !== 'object');
}

function metricBody(data, history) {
  const entries = scalarEntries(data);
  const main = entries.find(([key]) => key === 'value') || entries[0];
  const others = entries.filter((entry) => entry !== main);
  const compared = main && data[main[0] + '_compare'];
  const change = history ? changeOf(history, main ? main[0] : null) : null;
  return h('div', { class: 'metric' },
    h('div', { class: 'metric-value', dataset: { field: main ? main[0] : '' } }, main ? String(main[1]) : '—'),
    compared ? comparisons(compared) : null,
    change ? h('div', { class: 'delta previous ' + change.direction, title: change.title }, change.text) : null,
    others.length ? h('dl', { class: 'metric-others' }, others.map(([key, value]) => [h('dt', {}, key), h('dd', {}, String(value))])) : null,
    nestedLists(data));
}

const PERIOD_TEXT = { day: 'a day ago', week: 'a week ago', month: 'a month ago' };
const ARROWS = { up: '▲', down: '▼', flat: '=' };

/** The projection's compare: the change against a day, a week or a month earlier, as the server formatted it. */
function comparisons(compared) {
  return h('ul', { class: 'comparisons' }, Object.entries(compared).map(([period, c]) => h('li', {
    class: 'delta ' + (c.trend || 'none'), dataset: { period }, title: c.at ? 'Then: ' + c.previous + ' at ' + new Date(c.at).toLocaleString() : '',
  }, c.previous == null ? h('span', { class: 'muted' }, 'no value ' + (PERIOD_TEXT[period] || period) + ' yet')
    : [ARROWS[c.trend] || '', ' ', c.delta == null ? '—' : c.delta, c.percent ? ' (' + c.percent + ')' : '', ' vs ', PERIOD_TEXT[period] || period])));
}

function nestedLists(data) {
  const lists = Object.entries(data).filter(([, value]) => Array.isArray(value));
  return lists.length ? lists.map(([key, value]) => h('div', { class: 'nested' }, h('div', { class: 'muted small' }, key), table(value))) : null;
}

function listBody(data) {
  const list = Object.entries(data).find(([, value]) => Array.isArray(value));
  if (!list) return h('p', { class: 'muted' }, 'No list in the widget data.');
  return table(list[1]);
}

function table(rows) {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'Empty.');
  const objects = rows.every((row) => row && typeof row === 'object' && !Array.isArray(row));
  const columns = objects ? [...new Set(rows.flatMap((row) => Object.keys(row)))] : ['value'];
  return h('div', { class: 'scroll' }, h('table', { class: 'list compact' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => {
      const value = objects ? row[c] : row;
      return h('td', {}, value == null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }))))));
}

/**
 * The change of the shown number against the value before it, from the block's history: the
 * series of the same field when it is numeric there, else the first series. Given as a percent,
 * which reads the same whatever the unit (a currency amount is recorded in its minor unit).
 */
export function changeOf(history, field) {
  const series = (history.series || []).find((s) => s.field === field) || (history.series || [])[0];
  if (!series || series.points.length < 2) return null;
  const values = series.points.map((p) => Number(p.last));
  const current = values[values.length - 1];
  let i = values.length - 2;
  while (i > 0 && values[i] === current) i--;
  const previous = values[i];
  const at = series.points[i].at;
  if (previous === current) return { direction: 'flat', text: '= no change', title: 'Same as at ' + at };
  const direction = current > previous ? 'up' : 'down';
  const arrow = direction === 'up' ? '▲' : '▼';
  const percent = previous === 0 ? null : ((current - previous) / Math.abs(previous)) * 100;
  const text = arrow + ' ' + (percent == null ? (current - previous > 0 ? '+' : '') + (current - previous).toLocaleString()
    : (percent > 0 ? '+' : '') + percent.toFixed(Math.abs(percent) < 10 ? 1 : 0) + '%') + ' vs previous';
  return { direction, text, title: 'Previous value ' + previous.toLocaleString() + ' at ' + new Date(at).toLocaleString() };
}

function chartBody(history) {
  const box = h('div', { class: 'chart' });
  if (!history) {
    box.append(h('p', { class: 'muted' }, 'Loading history…'));
    return box;
  }
  const series = (history.series || []).find((s) => s.field === 'value') || (history.series || [])[0];
  if (!series || series.points.length === 0) {
    box.append(h('p', { class: 'muted' }, 'No history yet: each refresh adds a point.'));
    return box;
  }
  box.dataset.points = String(series.points.length);
  const span = [new Date(history.from).getTime() / 1000, new Date(history.to).getTime() / 1000];
  requestAnimationFrame(() => drawChart(box, series, span));
  return box;
}

/** @param span the requested [from, to] in unix seconds: the x axis spans it, however few the points */
function drawChart(box, series, span) {
  if (!box.isConnected) return;
  const width = Math.max(240, box.clientWidth || 300);
  const times = series.points.map((p) => new Date(p.at).getTime() / 1000);
  const last = series.points.map((p) => Number(p.last));
  const min = series.points.map((p) => Number(p.min));
  const max = series.points.map((p) => Number(p.max));
  clear(box);
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', `${series.field} over time: ${series.points.length} points, latest ${last[last.length - 1]}`);
  new uPlot({
    width, height: 180, legend: { show: true }, cursor: { drag: { x: false, y: false } },
    series: [{}, { label: series.field, stroke: '#2563eb', width: 2 },
      { label: 'min', stroke: '#93c5fd', dash: [4, 4] }, { label: 'max', stroke: '#93c5fd', dash: [4, 4] }],
    scales: { x: { time: true, range: () => span } },
    axes: [{}, { size: 60 }],
  }, [times, last, min, max], box);
}
