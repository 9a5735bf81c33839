// The block editor: a data source, a query type from its connector's catalogue, a parameter form
// generated from the parameter specs, a projection built field by field with the format helpers
// (or written as JSON), and a live preview of the widget data, answered by the server.
import { get, post, put } from '../api.js';
import { h, clear, field, busy, showError, clearErrors, toast, checkPattern } from '../dom.js';
import { widgetBody, TEMPLATES } from '../widgets.js';

const FORMATS = ['', 'number', 'currency', 'percent', 'percent-with-sign', 'datetime'];
const COMPARES = [['', 'no compare'], ['day', 'vs a day ago'], ['week', 'vs a week ago'], ['month', 'vs a month ago'],
  ['day,week,month', 'vs day, week, month']];

export async function render(main, [id], context) {
  const [{ dataSources }, { connectors }, existing] = await Promise.all([get('/api/v1/data-sources'), get('/api/v1/connectors'),
    id ? get('/api/v1/blocks/' + encodeURIComponent(id)) : Promise.resolve(null)]);
  if (dataSources.length === 0) {
    clear(main, h('h1', {}, 'New block'), h('p', { class: 'empty' }, 'A block reads a data source: ', h('a', { href: '#/sources/new' }, 'add one first'), '.'));
    return;
  }
  const connectorOf = (sourceId) => connectors.find((c) => c.typeId === (dataSources.find((s) => s.id === sourceId) || {}).type);
  const initialSource = existing ? existing.binding.dataSourceId : context.query.get('source') || dataSources[0].id;

  const title = h('input', { type: 'text', value: existing && existing.widget.data.title ? existing.widget.data.title : '' });
  const template = h('select', {}, TEMPLATES.map((t) => h('option', { value: t.id, selected: existing ? existing.widget.template === t.id : t.id === 'metric' }, t.label)));
  const source = h('select', {}, dataSources.map((s) => h('option', { value: s.id, selected: s.id === initialSource }, s.label + ' (' + s.type + ')')));
  const type = h('select', {});
  const typeHelp = h('p', { class: 'hint' });
  const paramsBox = h('fieldset', { class: 'params' });
  const rowsBox = h('div', { class: 'projection-rows' });
  const json = h('textarea', { rows: 6, spellcheck: 'false', class: 'code' });
  const preview = h('section', { class: 'preview card', 'aria-label': 'Preview', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'The preview shows here.'));
  const form = h('form', { class: 'editor', 'aria-label': existing ? 'Edit block' : 'New block' });
  let jsonEdited = false;

  const fillTypes = (keep) => {
    const connector = connectorOf(source.value);
    clear(type, (connector ? connector.queryTypes : []).map((q) => h('option', { value: q.id, selected: q.id === keep }, q.id)));
    fillParams(existing && existing.binding.queryConfig.type === type.value ? existing.binding.queryConfig.params : null);
  };
  const queryType = () => (connectorOf(source.value) || { queryTypes: [] }).queryTypes.find((q) => q.id === type.value);
  const fillParams = (values) => {
    const spec = queryType();
    typeHelp.textContent = spec ? spec.description : '';
    clear(paramsBox, h('legend', {}, 'Parameters'),
      spec && spec.parameters.length ? spec.parameters.map((p) => paramField(p, values ? values[p.name] : undefined)) : h('p', { class: 'muted' }, 'This query takes no parameters.'));
    if (!jsonEdited) {
      fillRows(existing && existing.binding.queryConfig.type === type.value ? rowsFromProjection(existing.binding.projection) : defaultRows(spec));
    }
  };
  const fillRows = (rows) => {
    clear(rowsBox, rows.map((row) => projectionRow(row, queryType())));
    syncJson();
  };
  const syncJson = () => {
    if (!jsonEdited) json.value = JSON.stringify(projectionFromRows(rowsBox), null, 2);
  };
  rowsBox.addEventListener('input', syncJson);
  rowsBox.addEventListener('change', syncJson);
  json.addEventListener('input', () => { jsonEdited = true; rowsBox.classList.add('overridden'); });
  source.addEventListener('change', () => { jsonEdited = false; fillTypes(null); });
  type.addEventListener('change', () => { jsonEdited = false; fillParams(null); });

  const request = () => {
    let projection;
    try {
      projection = JSON.parse(json.value);
    } catch (e) {
      throw Object.assign(new Error('The projection is not JSON: ' + e.message), { field: 'binding.projection', code: 'invalid_json' });
    }
    const data = {};
    if (title.value.trim()) data.title = title.value.trim();
    return { binding: { dataSourceId: source.value, queryConfig: { type: type.value, params: paramValues(paramsBox) }, projection },
      widget: { template: template.value, data } };
  };

  let timer = null;
  let sequence = 0;
  const runPreview = async (focus) => {
    const mine = ++sequence;
    preview.setAttribute('aria-busy', 'true');
    try {
      const answer = await post('/api/v1/blocks/preview', request());
      if (mine !== sequence) return;
      clearErrors(form);
      clear(preview, h('h2', {}, 'Preview'), h('div', { class: 'widget' }, h('h3', {}, answer.widget.data.title || type.value),
        widgetBody(answer.widget.template, answer.widget.data, null)),
        h('p', { class: 'muted small' }, 'Answered ', answer.source, ' · ', (answer.notices || []).join(' ')),
        h('details', {}, h('summary', {}, 'Widget data (JSON)'), h('pre', { class: 'widget-json' }, JSON.stringify(answer.widget.data, null, 2))));
    } catch (error) {
      if (mine !== sequence) return;
      showError(form, error, { focus });
      clear(preview, h('h2', {}, 'Preview'), h('p', { class: 'error' }, 'No preview: ' + error.message));
    } finally {
      if (mine === sequence) preview.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(() => runPreview(false), 600);
  });
  const previewButton = h('button', { type: 'button', class: 'secondary' }, 'Preview');
  previewButton.addEventListener('click', () => busy(previewButton, 'Previewing…', null, () => runPreview(true)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    busy(form.querySelector('button[type=submit]'), 'Saving…', form, async () => {
      const body = request();
      if (existing) await put('/api/v1/blocks/' + encodeURIComponent(existing.id), body);
      else await post('/api/v1/blocks', body);
      toast('Block saved');
      location.hash = '#/blocks';
    });
  });

  clear(form,
    h('div', { class: 'columns' },
      h('div', {},
        field('Title', title, { name: 'widget.data.title', optional: true }),
        field('Widget', template, { name: 'widget.template' }),
        field('Data source', source, { name: 'binding.dataSourceId' }),
        field('Query', type, { name: 'binding.queryConfig.type' }), typeHelp,
        paramsBox,
        h('fieldset', { class: 'projection' }, h('legend', {}, 'Projection: the widget\'s fields'),
          h('p', { class: 'hint' }, 'Each widget field reads a path of the query\'s result and formats it. A field without a format keeps the raw number, which the history records for charts.'),
          rowsBox,
          h('button', { type: 'button', class: 'small secondary', onclick: () => { rowsBox.append(projectionRow({ name: '', source: '', format: '' }, queryType())); syncJson(); } }, 'Add field'),
          field('Projection (JSON)', json, { name: 'binding.projection', hint: 'Edit to use lists, literals and every option; the field rows above then no longer apply.' })),
        h('div', { class: 'actions' }, previewButton, h('button', { type: 'submit' }, existing ? 'Save block' : 'Create block'))),
      preview));
  clear(main, h('h1', {}, existing ? 'Edit block' : 'New block'), form);
  fillTypes(existing ? existing.binding.queryConfig.type : null);
  if (existing) runPreview(false);
}

function paramField(p, value) {
  const name = 'binding.queryConfig.params.' + p.name;
  const initial = value !== undefined ? value : p.defaultValue;
  let input;
  if (p.allowedValues && p.allowedValues.length) {
    input = h('select', {}, p.required ? null : h('option', { value: '' }, '—'),
      p.allowedValues.map((v) => h('option', { value: v, selected: String(initial) === v }, v)));
  } else if (p.type === 'BOOLEAN') {
    input = h('input', { type: 'checkbox', checked: initial === true });
  } else if (p.type === 'INTEGER' || p.type === 'NUMBER') {
    input = h('input', { type: 'number', step: p.type === 'INTEGER' ? '1' : 'any', min: p.minimum, max: p.maximum, value: initial == null ? '' : initial });
  } else if (p.type === 'TIMESTAMP') {
    input = h('input', { type: 'text', placeholder: '2026-01-31T00:00:00Z', value: initial == null ? '' : initial });
  } else if (p.type === 'OBJECT') {
    input = h('textarea', { rows: 3, class: 'code', spellcheck: 'false' }, initial == null ? '' : JSON.stringify(initial));
  } else {
    input = checkPattern(h('input', { type: 'text', value: initial == null ? '' : initial }), p.pattern, p.name + ' does not have the expected form');
  }
  input.required = p.required && p.type !== 'BOOLEAN';
  input.dataset.param = p.name;
  input.dataset.type = p.type;
  const range = [p.minimum != null ? 'from ' + p.minimum : null, p.maximum != null ? 'to ' + p.maximum : null].filter(Boolean).join(' ');
  return field(p.name, input, { name, optional: !p.required, hint: [p.description, range].filter(Boolean).join(' ') });
}

function paramValues(box) {
  const values = {};
  box.querySelectorAll('[data-param]').forEach((input) => {
    const type = input.dataset.type;
    if (type === 'BOOLEAN') {
      values[input.dataset.param] = input.checked;
      return;
    }
    const text = input.value.trim();
    if (text === '') return;
    if (type === 'INTEGER' || type === 'NUMBER') values[input.dataset.param] = Number(text);
    else if (type === 'OBJECT') {
      try {
        values[input.dataset.param] = JSON.parse(text);
      } catch (e) {
        throw Object.assign(new Error(input.dataset.param + ' must be a JSON object'), { field: 'binding.queryConfig.params.' + input.dataset.param, code: 'invalid_json' });
      }
    } else values[input.dataset.param] = text;
  });
  return values;
}

/** Every path of the result fields, lists reached through their first element. */
function paths(fields, prefix = '') {
  return (fields || []).flatMap((f) => {
    const path = prefix + f.name;
    const own = { path, type: f.type };
    if (f.type === 'ARRAY') return [own, ...paths(f.fields, path + '[0].')];
    if (f.type === 'OBJECT') return [own, ...paths(f.fields, path + '.')];
    return [own];
  });
}

function defaultRows(spec) {
  if (!spec) return [];
  const all = paths(spec.resultFields);
  const money = all.find((p) => p.type === 'MONEY' && !p.path.includes('['));
  const number = all.find((p) => (p.type === 'INTEGER' || p.type === 'NUMBER') && !p.path.includes('['));
  const main = money || number;
  if (main) {
    // History records the number a field reads before formatting, so the chart and compare work on it.
    return [{ name: 'value', source: main.path, format: money ? 'currency' : 'number', compare: 'day' }];
  }
  const list = all.find((p) => p.type === 'ARRAY');
  if (list) return [{ name: 'items', source: list.path, format: '' }];
  return all.length ? [{ name: 'value', source: all[0].path, format: '' }] : [];
}

function rowsFromProjection(projection) {
  const fields = (projection && projection.fields) || {};
  return Object.entries(fields).filter(([, f]) => f.source && !f.each).map(([name, f]) => ({
    name, source: f.source, format: f.format || '', decimals: f.options && f.options.decimals, compact: f.options && f.options.compact,
    compare: Array.isArray(f.compare) ? f.compare.join(',') : f.compare || '',
  }));
}

let rowCounter = 0;
function projectionRow(row, spec) {
  const n = ++rowCounter;
  const listId = 'paths-' + n;
  const name = h('input', { type: 'text', class: 'p-name', value: row.name, required: true, pattern: '[A-Za-z_][A-Za-z0-9_\\-]{0,63}', 'aria-label': 'Widget field' });
  const source = h('input', { type: 'text', class: 'p-source', value: row.source, list: listId, required: true, 'aria-label': 'Reads the path' });
  const format = h('select', { class: 'p-format', 'aria-label': 'Format' }, FORMATS.map((f) => h('option', { value: f, selected: f === row.format }, f || 'raw')));
  const decimals = h('input', { type: 'number', class: 'p-decimals', min: 0, max: 10, value: row.decimals == null ? '' : row.decimals, placeholder: 'decimals', 'aria-label': 'Decimals' });
  const compact = h('input', { type: 'checkbox', class: 'p-compact', checked: !!row.compact });
  const compare = h('select', { class: 'p-compare', 'aria-label': 'Compare with' }, COMPARES.map(([value, label]) =>
    h('option', { value, selected: value === (row.compare || '') }, label)));
  const element = h('div', { class: 'projection-row' },
    name, h('span', { 'aria-hidden': 'true' }, '←'), source,
    h('datalist', { id: listId }, paths(spec ? spec.resultFields : []).map((p) => h('option', { value: p.path }, p.type))),
    format, decimals, h('label', { class: 'check' }, compact, ' compact'), compare,
    h('button', { type: 'button', class: 'small link', 'aria-label': 'Remove field', onclick: () => {
      const box = element.parentElement;
      element.remove();
      box.dispatchEvent(new Event('change', { bubbles: true }));
    } }, 'Remove'),
    h('div', { class: 'error row-error', role: 'alert' }));
  const rename = () => { element.querySelector('.row-error').dataset.errorFor = 'binding.projection.fields.' + name.value; name.dataset.field = 'binding.projection.fields.' + name.value; };
  name.addEventListener('input', rename);
  rename();
  return element;
}

function projectionFromRows(box) {
  const fields = {};
  box.querySelectorAll('.projection-row').forEach((row) => {
    const name = row.querySelector('.p-name').value.trim();
    const source = row.querySelector('.p-source').value.trim();
    if (!name || !source) return;
    const format = row.querySelector('.p-format').value;
    const spec = { source };
    if (format) {
      spec.format = format;
      const options = {};
      const decimals = row.querySelector('.p-decimals').value;
      if (decimals !== '' && format !== 'datetime') options.decimals = Number(decimals);
      if (row.querySelector('.p-compact').checked && (format === 'number' || format === 'currency')) options.compact = true;
      if (Object.keys(options).length) spec.options = options;
    }
    const compare = row.querySelector('.p-compare').value;
    if (compare) spec.compare = compare.includes(',') ? compare.split(',') : compare;
    fields[name] = spec;
  });
  return { fields };
}
