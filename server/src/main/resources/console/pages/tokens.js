// Tokens (create with a scope and an expiry, revoke) and the workspace's plan usage.
import { get, post, del } from '../api.js';
import { h, clear, field, busy, time, copy, confirmDialog, toast, isoFromLocal } from '../dom.js';

export async function render(main, params, context) {
  const me = await context.refreshMe();
  const base = '/api/v1/workspaces/' + encodeURIComponent(me.workspace.id) + '/tokens';
  const list = h('div', {});
  const name = h('input', { type: 'text', required: true });
  const scope = h('select', {}, h('option', { value: 'read' }, 'read: blocks, their events and history'),
    h('option', { value: 'admin' }, 'admin: everything in the workspace'));
  const expires = h('input', { type: 'datetime-local' });
  const created = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card inline-form', 'aria-label': 'New token' }, h('h2', {}, 'New token'),
    field('Name', name, { name: 'name', hint: 'What it is for, such as office dashboard' }),
    field('Scope', scope, { name: 'scope' }),
    field('Expires', expires, { name: 'expiresAt', optional: true, hint: 'Empty: never' }),
    h('button', { type: 'submit' }, 'Create token'), created);
  const reload = async () => drawTokens(list, await get(base), base, me, reload);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    busy(form.querySelector('button[type=submit]'), 'Creating…', form, async () => {
      const token = await post(base, { name: name.value, scope: scope.value, expiresAt: isoFromLocal(expires.value) || null });
      const input = h('input', { type: 'text', readonly: true, value: token.token, 'aria-label': 'The new token' });
      clear(created, h('div', { class: 'secret' }, h('p', {}, 'Token ', h('strong', {}, token.name), ' created. Its value, shown once:'),
        h('div', { class: 'copy-row' }, input, h('button', { type: 'button', onclick: () => copy(token.token, input) }, 'Copy'))));
      name.value = '';
      await reload();
    });
  });
  clear(main, h('h1', {}, 'Tokens & plan'), plan(me), h('h2', {}, 'Tokens'), list, form);
  await reload();
}

function plan(me) {
  const usage = me.plan;
  return h('section', { class: 'card plan', 'aria-label': 'Plan usage' },
    h('h2', {}, 'Plan: ' + usage.name),
    h('p', {}, `${usage.dataSources} data source${usage.dataSources === 1 ? '' : 's'}`,
      usage.maxDataSourcesTotal == null ? ' (no total cap)' : ` of ${usage.maxDataSourcesTotal}`),
    usage.maxDataSourcesTotal ? h('meter', { min: 0, max: usage.maxDataSourcesTotal, value: usage.dataSources, 'aria-label': 'Data sources used' }) : null,
    h('table', { class: 'list compact', 'aria-label': 'Usage per connector' },
      h('thead', {}, h('tr', {}, ['Connector', 'Used', 'Allowed', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, usage.types.map((t) => h('tr', { dataset: { type: t.type } }, h('td', {}, t.type), h('td', {}, String(t.dataSources)),
        h('td', {}, t.maxDataSources == null ? 'within the total' : String(t.maxDataSources)),
        h('td', {}, t.canCreate ? 'room for more' : h('span', { class: 'badge error' }, 'full')))))));
}

function drawTokens(area, tokens, base, me, reload) {
  clear(area, h('div', { class: 'scroll' }, h('table', { class: 'list tokens', 'aria-label': 'Tokens' },
    h('thead', {}, h('tr', {}, ['Name', 'Scope', 'Created', 'Expires', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, tokens.map((token) => h('tr', { dataset: { token: token.id } },
      h('td', {}, token.name, me.actor === 'token:' + token.id ? h('span', { class: 'badge' }, 'this tab') : null),
      h('td', {}, token.scope), h('td', {}, time(token.createdAt)),
      h('td', {}, token.expiresAt ? time(token.expiresAt) : 'never', token.expired ? h('span', { class: 'badge error' }, 'expired') : null),
      h('td', {}, time(token.lastUsedAt)),
      h('td', {}, h('button', { type: 'button', class: 'small danger', 'aria-label': 'Revoke ' + token.name, onclick: async () => {
        const own = me.actor === 'token:' + token.id;
        if (!(await confirmDialog('Revoke ' + token.name + '?', own ? 'This tab signs in with it: you will be signed out.'
          : 'Anything using it stops working at once.', 'Revoke token'))) return;
        try {
          await del(base + '/' + encodeURIComponent(token.id));
          toast('Revoked ' + token.name);
          await reload();
        } catch (error) {
          toast(error.message, true);
        }
      } }, 'Revoke'))))))));
}
