// The audit log: every decryption and change, filtered and paged, and the chain's verification.
import { get, query } from '../api.js';
import { h, clear, field, busy, time, isoFromLocal } from '../dom.js';

export async function render(main) {
  const actor = h('input', { type: 'text', placeholder: 'admin or token:…' });
  const action = h('input', { type: 'text', placeholder: 'credentials.decrypt' });
  const since = h('input', { type: 'datetime-local' });
  const until = h('input', { type: 'datetime-local' });
  const verification = h('section', { class: 'card verification', 'aria-live': 'polite', 'aria-label': 'Chain verification' });
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', 'aria-label': 'Audit log filters' },
    field('Actor', actor, { name: 'actor', optional: true }), field('Action', action, { name: 'action', optional: true }),
    field('Since', since, { name: 'since', optional: true }), field('Until', until, { name: 'until', optional: true }),
    h('button', { type: 'submit' }, 'Search'));
  const verifyButton = h('button', { type: 'button', class: 'secondary' }, 'Verify the whole chain');
  const pages = [];
  const load = async (cursor) => {
    const page = await get('/api/v1/audit-log' + query({ actor: actor.value.trim(), action: action.value.trim(),
      since: isoFromLocal(since.value), until: isoFromLocal(until.value), cursor, limit: 50 }));
    pages.push(page);
    drawPage(results, page, pages.length, () => { pages.length = 0; return load(undefined); }, () => load(page.nextCursor), form);
  };
  const verify = (full) => busy(verifyButton, 'Verifying…', verification, async () => {
    const result = await get('/api/v1/audit-log/verify' + query({ full: full ? 'true' : '' }));
    clear(verification, h('h2', {}, 'Chain verification'),
      h('p', { class: 'verdict ' + (result.valid ? 'ok' : 'bad'), dataset: { valid: String(result.valid) } },
        result.valid ? '✔ The chain verifies' : '✘ The chain is broken'),
      h('p', { class: 'muted' }, `${result.rowsChecked.toLocaleString()} rows checked of ${result.rowsRead.toLocaleString()} read`
        + (full ? ' (whole chain)' : ' (since the last anchor)')),
      result.valid ? null : h('p', { class: 'error-text' }, (result.firstBadSeq != null ? 'First bad row ' + result.firstBadSeq + ': ' : ''),
        result.message || result.problem || ''),
      verifyButton);
  });
  verifyButton.addEventListener('click', () => verify(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pages.length = 0;
    busy(form.querySelector('button[type=submit]'), 'Searching…', form, () => load(undefined));
  });
  clear(verification, h('h2', {}, 'Chain verification'), h('p', { class: 'muted' }, 'Verifying…'));
  clear(main, h('h1', {}, 'Audit log'), verification, form, results);
  await Promise.all([verify(false), busy(form.querySelector('button[type=submit]'), 'Searching…', form, () => load(undefined))]);
}

function drawPage(area, page, number, first, next, form) {
  const firstButton = h('button', { type: 'button', class: 'secondary', disabled: number === 1 }, 'First page');
  const nextButton = h('button', { type: 'button', disabled: !page.nextCursor }, 'Next page');
  firstButton.addEventListener('click', () => busy(firstButton, 'Loading…', form, first));
  nextButton.addEventListener('click', () => busy(nextButton, 'Loading…', form, next));
  clear(area, page.events.length === 0 ? h('p', { class: 'empty' }, 'No events match.')
    : h('div', { class: 'scroll' }, h('table', { class: 'list audit', 'aria-label': 'Audit events' },
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Actor', 'Action', 'Target', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.events.map((e) => h('tr', { dataset: { action: e.action } },
        h('td', {}, String(e.seq)), h('td', {}, time(e.time)), h('td', {}, h('code', {}, e.actor)), h('td', {}, e.action),
        h('td', {}, h('code', {}, e.target || '')),
        h('td', { class: 'small' }, Object.entries(e.detail || {}).map(([k, v]) => k + '=' + v).join(', '))))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, firstButton, h('span', { class: 'page-number' }, 'Page ' + number), nextButton));
}
