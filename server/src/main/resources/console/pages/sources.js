// Data sources: each with its mode, cadence, status, last refresh and last error with its fix.
import { get, del } from '../api.js';
import { h, clear, time, statusBadge, cadenceLabel, confirmDialog, toast } from '../dom.js';

export async function render(main, params, context) {
  const [{ dataSources }, me] = await Promise.all([get('/api/v1/data-sources'), context.refreshMe()]);
  const full = me.plan && me.plan.maxDataSourcesTotal != null && me.plan.dataSources >= me.plan.maxDataSourcesTotal;
  clear(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Data sources'),
      full ? h('span', { class: 'muted' }, `The ${me.plan.name} plan allows ${me.plan.maxDataSourcesTotal} data source${me.plan.maxDataSourcesTotal === 1 ? '' : 's'}: all used.`)
        : h('a', { class: 'button', href: '#/sources/new' }, 'New data source')),
    dataSources.length === 0
      ? h('p', { class: 'empty' }, 'No data sources yet. ', h('a', { href: '#/sources/new' }, 'Add the first one'), '.')
      : table(dataSources, main, context));
}

function table(dataSources, main, context) {
  return h('div', { class: 'scroll' }, h('table', { class: 'list', 'aria-label': 'Data sources' },
    h('thead', {}, h('tr', {}, ['Label', 'Type', 'Mode', 'Cadence', 'Status', 'Last refresh', 'Last error', 'Refused webhooks', '']
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, dataSources.map((source) => h('tr', { dataset: { source: source.id } },
      h('td', {}, h('a', { href: '#/sources/' + encodeURIComponent(source.id) }, source.label)),
      h('td', {}, source.type),
      h('td', {}, source.mode === 'push' ? 'push (webhook)' : 'cron'),
      h('td', {}, cadenceLabel(source.cadenceMinutes)),
      h('td', {}, statusBadge(source.status)),
      h('td', {}, time(source.lastRefreshAt)),
      h('td', { class: 'last-error' }, lastError(source)),
      h('td', {}, source.refusedWebhooks ? String(source.refusedWebhooks.count) : '0'),
      h('td', {}, h('button', { type: 'button', class: 'danger small', 'aria-label': 'Delete ' + source.label,
        onclick: () => remove(source, main, context) }, 'Delete')))))));
}

/** The last error, with the fix the source's capability check names (a permission to grant). */
export function lastError(source) {
  const missing = (source.permissions || []).filter((p) => p.status === 'MISSING' && p.missingPermission);
  if (!source.lastErrorMessage && missing.length === 0) return '—';
  return h('div', {},
    source.lastErrorMessage ? h('div', {}, source.lastErrorMessage) : null,
    missing.length ? h('div', { class: 'fix' }, 'To fix: grant ', [...new Set(missing.map((p) => p.missingPermission))].join(', ')) : null);
}

async function remove(source, main, context) {
  const sure = await confirmDialog('Delete ' + source.label + '?',
    'Its blocks stop refreshing and its datasets are deleted. This cannot be undone.', 'Delete data source');
  if (!sure) return;
  try {
    await del('/api/v1/data-sources/' + encodeURIComponent(source.id));
    toast('Deleted ' + source.label);
    await render(main, [], context);
  } catch (error) {
    toast(error.message + ' (' + error.code + ')', true);
  }
}
