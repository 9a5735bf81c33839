// The console: one page, routed by the URL's fragment, drawn from the public REST API.
import { get, post, tokenStore, whenUnauthorized, ApiError } from './api.js';
import { h, clear, field, busy, copy } from './dom.js';
import * as sources from './pages/sources.js';
import * as wizard from './pages/wizard.js';
import * as source from './pages/source.js';
import * as records from './pages/records.js';
import * as blocks from './pages/blocks.js';
import * as editor from './pages/editor.js';
import * as audit from './pages/audit.js';
import * as tokens from './pages/tokens.js';

const ROUTES = [
  { pattern: /^\/sources$/, page: sources, nav: 'sources', admin: true },
  { pattern: /^\/sources\/new$/, page: wizard, nav: 'sources', admin: true },
  { pattern: /^\/sources\/([^/]+)$/, page: source, nav: 'sources', admin: true },
  { pattern: /^\/sources\/([^/]+)\/records(?:\/([^/]+))?$/, page: records, nav: 'sources', admin: true },
  { pattern: /^\/blocks$/, page: blocks, nav: 'blocks' },
  { pattern: /^\/blocks\/new$/, page: editor, nav: 'blocks', admin: true },
  { pattern: /^\/blocks\/([^/]+)\/edit$/, page: editor, nav: 'blocks', admin: true },
  { pattern: /^\/audit$/, page: audit, nav: 'audit', admin: true },
  { pattern: /^\/tokens$/, page: tokens, nav: 'tokens', admin: true },
];

const NAV = [
  { id: 'sources', label: 'Data sources', href: '#/sources', admin: true },
  { id: 'blocks', label: 'Blocks', href: '#/blocks' },
  { id: 'audit', label: 'Audit log', href: '#/audit', admin: true },
  { id: 'tokens', label: 'Tokens & plan', href: '#/tokens', admin: true },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let me = null;
let cleanup = null;

whenUnauthorized(() => {
  tokenStore.clear();
  me = null;
  showLogin('The token was refused: it may have been revoked or have expired. Enter a token.');
});

let started = false;
window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', start);
if (document.readyState !== 'loading') start();

async function start() {
  if (started) return;
  started = true;
  if (!tokenStore.get()) {
    showLogin();
    return;
  }
  try {
    me = await get('/api/v1/me', { quiet401: true });
  } catch (error) {
    tokenStore.clear();
    showLogin(error instanceof ApiError && error.status === 401 ? 'The token was refused. Enter a token.' : error.message);
    return;
  }
  route();
}

function isAdminScope() {
  return me && me.scope === 'admin';
}

function drawNav(active) {
  const items = NAV.filter((item) => !item.admin || isAdminScope()).map((item) =>
    h('a', { href: item.href, 'aria-current': item.id === active ? 'page' : null }, item.label));
  items.push(h('a', { href: '/api/docs', target: '_blank', rel: 'noopener' }, 'API docs'));
  const who = me.workspace ? `${me.workspace.name} · ${me.scope}` : me.actor;
  clear(nav, items, h('span', { class: 'who' }, who),
    h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
}

function signOut() {
  tokenStore.clear();
  me = null;
  showLogin('Signed out.');
}

let routing = 0;

/**
 * Draws the page the URL names. A page is drawn off-screen and shown when ready, and only if no
 * later navigation has started meanwhile: a slow page never covers a newer one.
 */
async function route() {
  if (!me) return;
  const mine = ++routing;
  if (cleanup) {
    try { cleanup(); } catch (e) { /* a page's teardown never blocks the next page */ }
    cleanup = null;
  }
  if (!me.workspace) {
    drawNav(null);
    showAdmin();
    return;
  }
  const [path, queryString] = ((location.hash || '').replace(/^#/, '') || (isAdminScope() ? '/sources' : '/blocks')).split('?');
  const match = ROUTES.map((route) => ({ route, groups: path.match(route.pattern) })).find((m) => m.groups);
  drawNav(match ? match.route.nav : null);
  if (!match) {
    clear(main, h('h1', {}, 'Not found'), h('p', {}, 'No page at ' + path + '. '), h('a', { href: '#/blocks' }, 'Go to the blocks'));
    return;
  }
  if (match.route.admin && !isAdminScope()) {
    clear(main, h('h1', {}, 'Not allowed'), h('p', {}, 'This token has the read scope: it may see blocks only.'));
    return;
  }
  clear(main, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  const view = h('div', { class: 'view' });
  const context = { me, query: new URLSearchParams(queryString || ''), refreshMe: async () => { me = await get('/api/v1/me'); return me; } };
  let teardown;
  try {
    teardown = await match.route.page.render(view, match.groups.slice(1).map((g) => g && decodeURIComponent(g)), context);
  } catch (error) {
    if (error.name === 'AbortError' || mine !== routing) return;
    clear(view, h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' },
      error.message + (error.code ? ` (${error.code})` : '')));
  }
  if (mine !== routing) {
    if (typeof teardown === 'function') teardown();
    return;
  }
  cleanup = typeof teardown === 'function' ? teardown : null;
  clear(main, view);
  main.focus({ preventScroll: true });
}

function showLogin(message) {
  clear(nav);
  const input = h('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in'),
    h('p', {}, 'Enter an API token: a workspace token (admin or read scope), or the server\'s admin token. ',
      'It is kept in this browser tab only, until the tab closes.'),
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    field('API token', input, { name: 'token' }),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    await busy(button, 'Signing in…', form, async () => {
      tokenStore.set(input.value.trim());
      try {
        me = await get('/api/v1/me', { quiet401: true });
      } catch (error) {
        tokenStore.clear();
        throw new ApiError(error.status, error.code, error.status === 401 ? 'That token was refused.' : error.message, 'token');
      }
      if (!location.hash) location.hash = isAdminScope() && me.workspace ? '#/sources' : '#/blocks'; // routes on hashchange
      else route();
    });
  });
  clear(main, form);
  input.focus();
}

/** The server's admin token has no workspace: it creates them, and may switch to one's token. */
function showAdmin() {
  const name = h('input', { type: 'text', required: true });
  const plan = h('input', { type: 'text', placeholder: 'free' });
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'admin-title' },
    h('h1', { id: 'admin-title' }, 'New workspace'),
    h('p', {}, 'This is the server\'s admin token. Data sources, blocks and tokens belong to a workspace: create one, then use its token.'),
    field('Name', name, { name: 'name' }),
    field('Plan', plan, { name: 'plan', optional: true, hint: 'A plan this server defines; the default plan when empty.' }),
    h('button', { type: 'submit' }, 'Create workspace'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(form.querySelector('button[type=submit]'), 'Creating…', form, async () => {
      const workspace = await post('/api/v1/workspaces', { name: name.value, plan: plan.value || null });
      const tokenInput = h('input', { type: 'text', readonly: true, value: workspace.apiToken, 'aria-label': 'The workspace\'s token' });
      clear(result, h('div', { class: 'secret' },
        h('p', {}, `Workspace ${workspace.name} (${workspace.id}) created. Its admin token, shown once: `),
        tokenInput, h('button', { type: 'button', onclick: () => copy(workspace.apiToken, tokenInput) }, 'Copy'),
        h('button', { type: 'button', onclick: async () => {
          tokenStore.set(workspace.apiToken);
          me = await get('/api/v1/me');
          location.hash = '#/sources';
          route();
        } }, 'Use this workspace')));
    });
  });
  clear(main, form);
}
