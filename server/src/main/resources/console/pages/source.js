// One data source: its capabilities, webhook URL, settings, and its datasets: which streams are
// mirrored, from when, by which cursor and key, and how far each backfill has come.
import { get, put, patch, post } from '../api.js';
import { h, clear, field, busy, time, statusBadge, copy, CADENCES, cadenceLabel, toast } from '../dom.js';
import { capabilityList } from './wizard.js';
import { lastError } from './sources.js';

export async function render(main, [id]) {
  const path = '/api/v1/data-sources/' + encodeURIComponent(id);
  const [source, { streams }, { datasets }] = await Promise.all([get(path), get(path + '/streams'), get(path + '/datasets')]);
  const datasetsArea = h('section', { 'aria-labelledby': 'datasets-title' });
  clear(main,
    h('div', { class: 'page-head' }, h('h1', {}, source.label), statusBadge(source.status),
      h('a', { class: 'button secondary', href: '#/sources/' + encodeURIComponent(id) + '/records' }, 'Browse records'),
      h('a', { class: 'button secondary', href: '#/blocks/new?source=' + encodeURIComponent(id) }, 'Add a block')),
    overview(source, path, main, id),
    datasetsArea);
  let timer = null;
  const state = { selecting: false };
  const refresh = async () => {
    timer = null;
    if (!document.body.contains(datasetsArea)) return;
    if (!state.selecting) {
      try {
        const latest = await get(path + '/datasets');
        drawDatasets(datasetsArea, path, streams, latest.datasets, state, refresh);
        schedule(latest.datasets);
      } catch (error) {
        if (error.name !== 'AbortError') toast(error.message, true);
      }
    }
  };
  const schedule = (current) => {
    // Poll while a backfill runs, so its progress bar moves; stop when all are settled.
    if (!timer && current.some((d) => d.state === 'backfilling')) timer = setTimeout(refresh, 1500);
  };
  drawDatasets(datasetsArea, path, streams, datasets, state, async () => { await refresh(); });
  schedule(datasets);
  return () => clearTimeout(timer);
}

function overview(source, path, main, id) {
  const urlInput = source.webhookUrl ? h('input', { type: 'text', readonly: true, value: source.webhookUrl, 'aria-label': 'Webhook URL' }) : null;
  const label = h('input', { type: 'text', value: source.label, required: true });
  const cadence = h('select', {}, CADENCES.map((m) => h('option', { value: m, selected: m === source.cadenceMinutes }, 'every ' + cadenceLabel(m))));
  const settings = h('form', { class: 'inline-form', 'aria-label': 'Settings' },
    field('Label', label, { name: 'label' }), field('Refresh every', cadence, { name: 'cadenceMinutes' }),
    h('button', { type: 'submit' }, 'Save'));
  settings.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(settings.querySelector('button'), 'Saving…', settings, async () => {
      await patch(path, { label: label.value, cadenceMinutes: Number(cadence.value) });
      toast('Saved');
    });
  });
  const testButton = h('button', { type: 'button', class: 'secondary' }, 'Test again');
  const capabilities = h('div', {}, capabilityList(source.permissions));
  const box = h('section', { class: 'card', 'aria-label': 'Overview' });
  testButton.addEventListener('click', () => busy(testButton, 'Testing…', box, async () => {
    const tested = await post(path + '/test');
    clear(capabilities, capabilityList(tested.permissions));
    toast('Tested: ' + tested.status);
  }));
  return clear(box,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Type'), h('dd', {}, source.type),
      h('dt', {}, 'Mode'), h('dd', {}, source.mode === 'push' ? 'push (webhook), cadence as fallback' : 'cron'),
      h('dt', {}, 'Account'), h('dd', {}, source.accountId || '—', source.livemode == null ? '' : source.livemode ? ' (live)' : ' (test)'),
      h('dt', {}, 'Last refresh'), h('dd', {}, time(source.lastRefreshAt)),
      h('dt', {}, 'Last error'), h('dd', {}, lastError(source)),
      h('dt', {}, 'Refused webhooks'), h('dd', {}, String(source.refusedWebhooks ? source.refusedWebhooks.count : 0),
        source.refusedWebhooks && source.refusedWebhooks.lastAt ? [' (last ', time(source.refusedWebhooks.lastAt), ')'] : ''),
      h('dt', {}, 'Credentials'), h('dd', {}, Object.entries(source.credentials || {}).map(([name, hint]) =>
        h('span', { class: 'cred' }, h('code', {}, name), ' …', hint.last4 || '', ' '))),
      h('dt', {}, 'Created'), h('dd', {}, time(source.createdAt))),
    urlInput ? h('div', { class: 'copy-row' }, h('label', { for: 'webhook-url' }, 'Webhook URL'),
      Object.assign(urlInput, { id: 'webhook-url' }), h('button', { type: 'button', onclick: () => copy(source.webhookUrl, urlInput) }, 'Copy URL')) : null,
    (source.warnings || []).map((w) => h('p', { class: 'notice' }, w)),
    h('h2', {}, 'Capabilities'), capabilities, testButton,
    h('h2', {}, 'Settings'), settings);
}

function drawDatasets(area, path, streams, datasets, state, reload) {
  const byStream = new Map(datasets.map((d) => [d.stream, d]));
  const rows = streams.map((stream) => datasetRow(stream, byStream.get(stream.name), path, reload));
  const form = h('form', { 'aria-label': 'Dataset selection' },
    h('div', { class: 'scroll' }, h('table', { class: 'list datasets' },
      h('thead', {}, h('tr', {}, ['Mirror', 'Stream', 'Mode', 'Start date', 'Lookback (days)', 'Cursor / key', 'State', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save selection')));
  form.addEventListener('input', () => { state.selecting = true; });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), 'Saving…', form, async () => {
      const selections = [...form.querySelectorAll('tr[data-stream]')].filter((row) => row.querySelector('.pick').checked).map((row) => {
        const selection = { stream: row.dataset.stream };
        const mode = row.querySelector('.mode');
        if (mode && mode.value) selection.mode = mode.value;
        const start = row.querySelector('.start');
        if (start && start.value) selection.startDate = start.value;
        const lookback = row.querySelector('.lookback');
        if (lookback && lookback.value !== '') selection.lookbackDays = Number(lookback.value);
        const cursor = row.querySelector('.cursor');
        if (cursor && cursor.value) selection.cursorField = cursor.value;
        const key = row.querySelector('.key');
        if (key && key.selectedOptions.length) selection.key = [...key.selectedOptions].map((o) => o.value);
        return selection;
      }).filter((selection) => !streams.find((s) => s.name === selection.stream).pushed);
      // The API names a selection by its place in the list: point each place at its row's error.
      form.querySelectorAll('.row-error').forEach((slot) => { delete slot.dataset.errorFor; });
      selections.forEach((selection, i) => {
        form.querySelector(`tr[data-stream="${CSS.escape(selection.stream)}"] .row-error`).dataset.errorFor = 'datasets[' + i + ']';
      });
      await put(path + '/datasets', { datasets: selections });
      state.selecting = false;
      toast('Datasets saved');
      await reload();
    });
  });
  clear(area, h('h2', { id: 'datasets-title' }, 'Datasets'),
    h('p', { class: 'muted' }, 'Mirrored streams become datasets: read whole once from the start date, then kept current.'), form);
}

function datasetRow(stream, dataset, path, reload) {
  const selected = !!dataset;
  const pick = h('input', { type: 'checkbox', class: 'pick', checked: selected || stream.pushed, disabled: stream.pushed,
    'aria-label': 'Mirror ' + stream.name, dataset: { field: 'datasets' } });
  const mode = stream.pushed ? h('span', {}, 'pushed')
    : h('select', { class: 'mode', 'aria-label': 'Mode of ' + stream.name },
      stream.incremental || stream.cursorChoices.length ? h('option', { value: 'incremental', selected: !dataset || dataset.mode === 'incremental' }, 'incremental') : null,
      h('option', { value: 'full_refresh', selected: dataset && dataset.mode === 'full_refresh' }, 'full refresh'));
  const start = stream.createdFilter ? h('input', { type: 'date', class: 'start', 'aria-label': 'Start date of ' + stream.name,
    value: dataset && dataset.startDate ? dataset.startDate.slice(0, 10) : '' }) : h('span', { class: 'muted' }, '—');
  const lookback = stream.pushed ? h('span', { class: 'muted' }, '—') : h('input', { type: 'number', min: 0, max: 30, class: 'lookback',
    'aria-label': 'Lookback days of ' + stream.name, value: dataset ? dataset.lookbackDays : '' });
  const cursor = stream.cursorChoices.length ? h('select', { class: 'cursor', 'aria-label': 'Cursor of ' + stream.name },
    h('option', { value: '' }, stream.cursorField ? 'default (' + stream.cursorField + ')' : 'none: read whole'),
    stream.cursorChoices.map((c) => h('option', { value: c, selected: dataset && dataset.cursorField === c }, c))) : null;
  const key = stream.keyChoices.length ? h('select', { class: 'key', multiple: true, 'aria-label': 'Key of ' + stream.name },
    stream.keyChoices.map((c) => h('option', { value: c, selected: dataset && (dataset.key || []).includes(c) }, c))) : null;
  return h('tr', { dataset: { stream: stream.name } },
    h('td', {}, pick),
    h('td', {}, h('strong', {}, stream.name), h('div', { class: 'muted small' }, stream.description || '')),
    h('td', {}, mode),
    h('td', {}, start),
    h('td', {}, lookback),
    h('td', {}, cursor || key ? [cursor, key] : h('span', { class: 'muted' }, stream.cursorField || '—'),
      h('div', { class: 'error row-error', role: 'alert' })),
    h('td', { class: 'state' }, dataset ? datasetState(dataset) : h('span', { class: 'muted' }, 'not mirrored')),
    h('td', {}, dataset ? [
      h('a', { href: '#/sources/' + encodeURIComponent(path.split('/').pop()) + '/records/' + encodeURIComponent(stream.name) }, 'Records'), ' ',
      stream.pushed ? null : h('button', { type: 'button', class: 'small secondary', onclick: async (event) => {
        await busy(event.target, 'Resyncing…', null, async () => {
          await post(path + '/datasets/' + encodeURIComponent(stream.name) + '/resync');
          toast('Resync of ' + stream.name + ' started');
          await reload();
        });
      } }, 'Resync')] : null));
}

function datasetState(dataset) {
  const progress = dataset.progress;
  const backfilling = dataset.state === 'backfilling';
  return h('div', { class: 'dataset-state', dataset: { state: dataset.state } },
    statusBadge(dataset.state),
    ' ', h('span', { class: 'objects' }, dataset.objects.toLocaleString() + ' records'),
    backfilling && progress ? h('div', {},
      h('progress', { max: Math.max(progress.windows, 1), value: progress.windowsDone, 'aria-label': 'Backfill of ' + dataset.stream }),
      h('div', { class: 'muted small' }, `${progress.windowsDone} of ${progress.windows} windows, ${progress.objectsRead.toLocaleString()} read`,
        progress.reached ? ', reached ' + new Date(progress.reached).toLocaleDateString() : '',
        progress.estimatedRemaining != null ? ', about ' + progress.estimatedRemaining.toLocaleString() + ' to go' : '')) : null,
    dataset.state === 'synced' ? h('progress', { max: 1, value: 1, 'aria-label': 'Backfill of ' + dataset.stream + ' done' }) : null,
    h('div', { class: 'muted small' }, 'Last sync ', time(dataset.lastSyncAt), dataset.nextSyncAt ? ['; next ', time(dataset.nextSyncAt)] : ''),
    dataset.lastError ? h('div', { class: 'error-text' }, dataset.lastError.message,
      dataset.lastError.permission ? h('div', { class: 'fix' }, 'To fix: grant ', h('code', {}, dataset.lastError.permission)) : null) : null,
    dataset.notice ? h('div', { class: 'notice' }, dataset.notice) : null);
}
