// New data source: pick a connector (the plan's room shown first), fill the fields its
// descriptor declares, test them (each capability available, missing or unknown), create.
import { get, post } from '../api.js';
import { h, clear, field, busy, showError, clearErrors, copy, checkPattern, CADENCES, cadenceLabel } from '../dom.js';

export const camel = (name) => name.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());

export async function render(main, params, context) {
  const [{ connectors }, me] = await Promise.all([get('/api/v1/connectors'), context.refreshMe()]);
  const usage = new Map((me.plan ? me.plan.types : []).map((type) => [type.type, type]));
  const typeList = h('fieldset', { class: 'choices' }, h('legend', {}, 'Connector'),
    connectors.map((connector) => {
      const room = usage.get(connector.typeId);
      const full = room && !room.canCreate;
      const id = 'type-' + connector.typeId;
      return h('div', { class: 'choice' + (full ? ' full' : '') },
        h('input', { type: 'radio', name: 'type', id, value: connector.typeId, disabled: full, 'aria-describedby': id + '-plan' }),
        h('label', { for: id }, h('strong', {}, connector.displayName), ' ', h('span', { class: 'muted' }, connector.description)),
        h('div', { class: 'plan-room' + (full ? ' bad' : ''), id: id + '-plan' }, planRoom(me.plan, room)));
    }));
  const formArea = h('div', {});
  clear(main, h('h1', {}, 'New data source'),
    me.plan ? h('p', { class: 'plan-summary' }, `Plan ${me.plan.name}: ${me.plan.dataSources}`
      + (me.plan.maxDataSourcesTotal == null ? '' : ' of ' + me.plan.maxDataSourcesTotal) + ' data sources used.') : null,
    typeList, formArea);
  typeList.addEventListener('change', () => {
    const chosen = typeList.querySelector('input[name=type]:checked');
    if (chosen) drawForm(formArea, connectors.find((c) => c.typeId === chosen.value));
  });
  const first = typeList.querySelector('input[name=type]:not([disabled])');
  if (connectors.length === 1 && first) {
    first.checked = true;
    drawForm(formArea, connectors[0]);
  }
}

function planRoom(plan, room) {
  if (!plan || !room) return '';
  if (!room.canCreate) {
    return room.maxDataSources != null && room.dataSources >= room.maxDataSources
      ? `The ${plan.name} plan allows ${room.maxDataSources} ${room.type} data source${room.maxDataSources === 1 ? '' : 's'}: ${room.dataSources} used. Upgrade the plan to add more.`
      : `The ${plan.name} plan allows ${plan.maxDataSourcesTotal} data source${plan.maxDataSourcesTotal === 1 ? '' : 's'} in all: ${plan.dataSources} used. Upgrade the plan to add more.`;
  }
  return room.maxDataSources == null ? '' : `${room.dataSources} of ${room.maxDataSources} used on the ${plan.name} plan.`;
}

function drawForm(area, connector) {
  const label = h('input', { type: 'text', required: true, value: connector.displayName });
  const inputs = connector.credentialFields.map((spec) => {
    const input = h('input', {
      type: spec.secret ? 'password' : 'text', autocomplete: 'off', spellcheck: 'false',
      required: spec.required && !spec.generatedWhenEmpty, dataset: { credential: spec.name },
    });
    checkPattern(input, spec.pattern, spec.label + ' does not have the expected form' + (spec.helpText ? ': ' + spec.helpText : ''));
    const hint = [spec.helpText, spec.generatedWhenEmpty ? 'Leave empty and the server generates one, shown once.' : null,
      spec.publicPrefixes && spec.publicPrefixes.length ? 'Starts with ' + spec.publicPrefixes.join(' or ') : null].filter(Boolean).join(' ');
    return field(spec.label, input, { name: 'credentials.' + camel(spec.name), hint, optional: !spec.required });
  });
  const cadence = h('select', {}, CADENCES.map((minutes) => h('option', { value: minutes, selected: minutes === 15 }, 'every ' + cadenceLabel(minutes))));
  const checks = h('div', { class: 'checks', 'aria-live': 'polite' });
  const created = h('div', { 'aria-live': 'polite' });
  const testButton = h('button', { type: 'button', class: 'secondary' }, 'Test');
  const form = h('form', { class: 'card', 'aria-label': 'New ' + connector.displayName + ' data source' },
    h('h2', {}, connector.displayName),
    field('Label', label, { name: 'label' }),
    inputs,
    connector.acceptsWebhooks ? h('p', { class: 'hint' },
      'With a webhook signing secret the source runs in push mode: the provider\'s webhooks refresh its blocks within seconds, and the cadence is a fallback.') : null,
    field('Refresh every', cadence, { name: 'cadenceMinutes' }),
    h('div', { class: 'actions' }, testButton, h('button', { type: 'submit' }, 'Create data source')),
    checks, created);

  const credentials = () => Object.fromEntries([...form.querySelectorAll('[data-credential]')]
    .filter((input) => input.value.trim() !== '').map((input) => [input.dataset.credential, input.value.trim()]));

  testButton.addEventListener('click', () => busy(testButton, 'Testing…', form, async () => {
    const result = await post('/api/v1/connectors/' + encodeURIComponent(connector.typeId) + '/validate', { credentials: credentials() });
    drawChecks(checks, result, form);
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    busy(form.querySelector('button[type=submit]'), 'Creating…', form, async () => {
      const source = await post('/api/v1/data-sources', {
        type: connector.typeId, label: label.value, credentials: credentials(), cadenceMinutes: Number(cadence.value),
      });
      form.querySelectorAll('[data-credential]').forEach((input) => { input.value = ''; });
      drawCreated(created, source);
      form.querySelectorAll('input, select, button[type=submit]').forEach((element) => { element.disabled = true; });
      testButton.disabled = true;
    });
  });
  clear(area, form);
}

const STATUS_TEXT = { AVAILABLE: 'available', MISSING: 'missing', UNKNOWN: 'unknown' };

const STATUS_ORDER = { MISSING: 0, UNKNOWN: 1, AVAILABLE: 2 };

/** Each capability with its status: what needs a fix first, then what could not be told, then the rest. */
export function capabilityList(permissions) {
  const all = [...(permissions || [])].sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  const count = (status) => all.filter((p) => p.status === status).length;
  return h('div', {}, h('p', { class: 'cap-summary' }, `${count('AVAILABLE')} available, ${count('MISSING')} missing, ${count('UNKNOWN')} unknown`),
    h('ul', { class: 'capabilities' }, all.map((p) => h('li', { class: 'cap ' + p.status.toLowerCase(), dataset: { capability: p.id } },
    h('span', { class: 'badge ' + p.status.toLowerCase() }, STATUS_TEXT[p.status] || p.status), ' ',
    h('code', {}, p.id), h('span', { class: 'muted' }, p.kind === 'STREAM' ? ' (dataset)' : ' (query)'),
    p.status === 'MISSING' && p.missingPermission ? h('div', { class: 'fix' }, 'Add the permission ', h('code', {}, p.missingPermission)) : null,
    p.status === 'UNKNOWN' && p.reason ? h('div', { class: 'muted' }, p.reason) : null))));
}

function drawChecks(area, result, form) {
  clearErrors(form);
  (result.problems || []).forEach((problem) => showError(form, { field: problem.field, code: problem.code, message: problem.message }));
  clear(area,
    h('h3', {}, result.valid ? 'The credentials work' : 'The credentials have problems'),
    result.account ? h('p', {}, 'Account ', h('code', {}, result.account.accountId || '—'),
      result.account.displayName ? ' (' + result.account.displayName + ')' : '', result.account.livemode ? ', live mode' : ', test mode') : null,
    capabilityList(result.permissions),
    (result.warnings || []).map((warning) => h('p', { class: 'notice' }, warning)));
}

function drawCreated(area, source) {
  const secrets = Object.entries(source.generatedSecrets || {});
  const urlInput = source.webhookUrl ? h('input', { type: 'text', readonly: true, value: source.webhookUrl, 'aria-label': 'Webhook URL' }) : null;
  clear(area, h('div', { class: 'created' },
    h('h3', {}, 'Created ' + source.label),
    h('p', {}, source.mode === 'push' ? 'Push mode: paste this URL into the provider\'s webhook settings.' : 'Cron mode: refreshed on its cadence.'),
    urlInput ? h('div', { class: 'copy-row' }, urlInput, h('button', { type: 'button', onclick: () => copy(source.webhookUrl, urlInput) }, 'Copy URL')) : null,
    secrets.map(([name, value]) => {
      const input = h('input', { type: 'text', readonly: true, value, 'aria-label': name });
      return h('div', { class: 'secret' }, h('p', {}, 'The generated ', h('code', {}, name), ', shown once: give it to the sender.'),
        h('div', { class: 'copy-row' }, input, h('button', { type: 'button', onclick: () => copy(value, input) }, 'Copy')));
    }),
    capabilityList(source.permissions),
    h('p', {}, h('a', { href: '#/sources/' + encodeURIComponent(source.id) }, 'Open ' + source.label), ' · ',
      h('a', { href: '#/blocks/new?source=' + encodeURIComponent(source.id) }, 'Add a block'))));
}
