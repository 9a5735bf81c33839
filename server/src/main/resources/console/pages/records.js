// A dataset's records: field filters, creation-time bounds, deleted records on demand, and
// paging by cursor (as fast on page 1,000 as on page 1).
import { get, query } from '../api.js';
import { h, clear, field, busy, time, isoFromLocal } from '../dom.js';

export async function render(main, [id, stream]) {
  const path = '/api/v1/data-sources/' + encodeURIComponent(id);
  const [source, { datasets }] = await Promise.all([get(path), get(path + '/datasets')]);
  if (datasets.length === 0) {
    clear(main, h('h1', {}, 'Records of ' + source.label),
      h('p', { class: 'empty' }, 'No datasets yet: ', h('a', { href: '#/sources/' + encodeURIComponent(id) }, 'choose streams to mirror'), '.'));
    return;
  }
  const chosen = stream || datasets[0].stream;
  const streamSelect = h('select', {}, datasets.map((d) => h('option', { value: d.stream, selected: d.stream === chosen }, d.stream)));
  const filters = h('input', { type: 'text', placeholder: 'status=active, customer.email=ada@example.com' });
  const from = h('input', { type: 'datetime-local' });
  const to = h('input', { type: 'datetime-local' });
  const deleted = h('input', { type: 'checkbox' });
  const limit = h('select', {}, [10, 25, 50, 100].map((n) => h('option', { value: n, selected: n === 25 }, String(n))));
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', 'aria-label': 'Record filters' },
    field('Dataset', streamSelect, { name: 'stream' }),
    field('Filters', filters, { name: 'filter', optional: true, hint: 'path=value, separated by commas; paths dotted' }),
    field('Created from', from, { name: 'created_gte', optional: true }),
    field('Created before', to, { name: 'created_lt', optional: true }),
    field('Per page', limit, { name: 'limit' }),
    h('div', { class: 'field check' }, h('label', {}, deleted, ' Include deleted')),
    h('button', { type: 'submit' }, 'Search'));
  const pages = [];
  const load = async (cursor) => {
    const params = {
      limit: limit.value, cursor, created_gte: isoFromLocal(from.value), created_lt: isoFromLocal(to.value),
      include_deleted: deleted.checked ? 'true' : '',
      filter: filters.value.split(',').map((f) => f.trim()).filter(Boolean),
    };
    const page = await get(path + '/datasets/' + encodeURIComponent(streamSelect.value) + '/records' + query(params));
    drawPage(results, page, pages, load, form);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pages.length = 0;
    busy(form.querySelector('button[type=submit]'), 'Searching…', form, () => load(undefined));
  });
  streamSelect.addEventListener('change', () => { location.hash = '#/sources/' + encodeURIComponent(id) + '/records/' + encodeURIComponent(streamSelect.value); });
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, 'Records of ' + source.label),
    h('a', { class: 'button secondary', href: '#/sources/' + encodeURIComponent(id) }, 'Back to ' + source.label)), form, results);
  await busy(form.querySelector('button[type=submit]'), 'Searching…', form, () => load(undefined));
}

function drawPage(area, page, pages, load, form) {
  pages.push(page);
  const number = pages.length;
  const previous = h('button', { type: 'button', class: 'secondary', disabled: number === 1 }, 'First page');
  const next = h('button', { type: 'button', disabled: !page.nextCursor }, 'Next page');
  previous.addEventListener('click', () => { pages.length = 0; busy(previous, 'Loading…', form, () => load(undefined)); });
  next.addEventListener('click', () => busy(next, 'Loading…', form, () => load(page.nextCursor)));
  clear(area,
    page.records.length === 0 ? h('p', { class: 'empty' }, 'No records match.') : h('div', { class: 'scroll' }, h('table', { class: 'list records', 'aria-label': 'Records' },
      h('thead', {}, h('tr', {}, ['Id', 'Created', 'Updated', 'Data'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.records.map((record) => h('tr', { class: record.deleted ? 'deleted' : '', dataset: { record: record.id } },
        h('td', {}, h('code', {}, record.id), record.deleted ? h('span', { class: 'badge error' }, 'deleted') : null),
        h('td', {}, time(record.createdAt)), h('td', {}, time(record.updatedAt)),
        h('td', {}, h('details', {}, h('summary', {}, summary(record.data)), h('pre', {}, JSON.stringify(record.data, null, 2))))))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, h('span', { class: 'page-number' }, 'Page ' + number), next));
}

function summary(data) {
  const text = Object.entries(data || {}).filter(([, v]) => v !== null && typeof v !== 'object').slice(0, 4)
    .map(([k, v]) => k + ': ' + v).join(' · ');
  return text.length > 120 ? text.slice(0, 117) + '…' : text || '{…}';
}
