// The board: every block's widget, live through one Server-Sent Events stream, with when it was
// last updated and whether the answer came from the mirror or live; history as a chart.
import { get, del, post, subscribe, query } from '../api.js';
import { h, clear, ago, busy, confirmDialog, toast } from '../dom.js';
import { widgetBody, titleOf } from '../widgets.js';

// Each range with a step that gives a readable number of points (288, 168, 120, 122).
const RANGES = [{ id: '24h', label: '24 hours', step: '5m' }, { id: '7d', label: '7 days', step: '1h' },
  { id: '30d', label: '30 days', step: '6h' }, { id: '366d', label: 'a year', step: '3d' }];

export async function render(main, params, context) {
  const admin = context.me.scope === 'admin';
  const [{ blocks }, sources] = await Promise.all([get('/api/v1/blocks'),
    admin ? get('/api/v1/data-sources').then((r) => r.dataSources) : Promise.resolve([])]);
  const labels = new Map(sources.map((s) => [s.id, s.label]));
  const connection = h('span', { class: 'connection', role: 'status', 'aria-live': 'polite' }, 'connecting…');
  const grid = h('div', { class: 'board' });
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, 'Blocks'), connection,
    admin ? h('a', { class: 'button', href: '#/blocks/new' }, 'New block') : null), grid);
  if (blocks.length === 0) {
    grid.append(h('p', { class: 'empty' }, 'No blocks yet. ', admin ? h('a', { href: '#/blocks/new' }, 'Add the first one') : null));
  }
  const cards = new Map();
  const add = (block) => {
    const card = new Card(block, labels.get(block.binding.dataSourceId), admin, () => {
      cards.delete(block.id);
      card.element.remove();
    });
    cards.set(block.id, card);
    grid.querySelector(':scope > .empty')?.remove();
    grid.append(card.element);
    card.loadHistory();
  };
  blocks.forEach(add);
  const stop = subscribe('/api/v1/blocks/events', (name, data) => {
    if (name !== 'widget') return;
    const event = JSON.parse(data);
    const card = cards.get(event.blockId);
    if (card) {
      card.changed(event.data);
    } else if (!cards.has(event.blockId)) {
      // A block made elsewhere (another tab, an API client) since the board opened: drawn as it arrives.
      cards.set(event.blockId, null);
      get('/api/v1/blocks/' + encodeURIComponent(event.blockId)).then(add)
        .catch((error) => { cards.delete(event.blockId); toast('A new block could not be read: ' + error.message, true); });
    }
  }, (state) => {
    connection.textContent = state === 'live' ? '● live' : 'reconnecting…';
    connection.className = 'connection ' + state;
  });
  const ticker = setInterval(() => cards.forEach((card) => card && card.tick()), 1000);
  return () => {
    stop();
    clearInterval(ticker);
  };
}

class Card {
  constructor(block, sourceLabel, admin, deleted) {
    this.block = block;
    this.range = RANGES[0];
    this.history = null;
    this.updated = h('span', { class: 'updated' });
    this.body = h('div', { class: 'widget-body' });
    this.title = h('h2', {});
    this.error = h('div', { class: 'error', role: 'alert' });
    const rangeSelect = h('select', { 'aria-label': 'History range' }, RANGES.map((r) => h('option', { value: r.id, selected: r === this.range }, r.label)));
    rangeSelect.addEventListener('change', () => {
      this.range = RANGES.find((r) => r.id === rangeSelect.value);
      this.loadHistory();
    });
    const actions = admin ? [
      h('a', { class: 'button small secondary', href: '#/blocks/' + encodeURIComponent(block.id) + '/edit' }, 'Edit'),
      h('button', { type: 'button', class: 'small secondary', onclick: (event) => busy(event.target, 'Refreshing…', null, async () => {
        this.update(await post('/api/v1/blocks/' + encodeURIComponent(block.id) + '/refresh'));
      }) }, 'Refresh'),
      h('button', { type: 'button', class: 'small danger', onclick: async () => {
        if (!(await confirmDialog('Delete this block?', 'Its widget and history are deleted.', 'Delete block'))) return;
        try {
          await del('/api/v1/blocks/' + encodeURIComponent(block.id));
          toast('Block deleted');
          deleted();
        } catch (error) {
          toast(error.message, true);
        }
      } }, 'Delete')] : [];
    this.element = h('article', { class: 'widget card', dataset: { block: block.id, template: block.widget.template }, 'aria-labelledby': 'title-' + block.id },
      h('header', {}, Object.assign(this.title, { id: 'title-' + block.id }), h('div', { class: 'muted small' },
        block.binding.queryConfig.type, sourceLabel ? ' · ' + sourceLabel : '')),
      this.body, this.error,
      h('footer', {}, this.updated, rangeSelect, actions));
    this.draw();
  }

  changed(data) {
    this.block = { ...this.block, widget: { ...this.block.widget, data } };
    this.draw();
    this.element.classList.remove('flash');
    void this.element.offsetWidth;
    this.element.classList.add('flash');
    // The event carries the data; the time and source of the answer come with the block.
    get('/api/v1/blocks/' + encodeURIComponent(this.block.id)).then((block) => this.update(block))
      .catch((error) => { this.error.textContent = 'Could not read the block: ' + error.message; });
    this.loadHistory();
  }

  update(block) {
    this.block = block;
    this.draw();
  }

  async loadHistory() {
    try {
      // A length before the server's now: the server's clock, not this browser's, places the points.
      this.history = await get('/api/v1/blocks/' + encodeURIComponent(this.block.id) + '/history'
        + query({ from: this.range.id, step: this.range.step }));
      this.draw();
    } catch (error) {
      this.error.textContent = 'History: ' + error.message;
    }
  }

  draw() {
    const block = this.block;
    this.title.textContent = titleOf(block.widget.data, block.binding.queryConfig.type);
    clear(this.body, widgetBody(block.widget.template, block.widget.data, this.history));
    this.error.textContent = block.lastErrorMessage ? block.lastErrorMessage + ' (' + block.lastErrorCode + ')' : '';
    this.tick();
  }

  tick() {
    const block = this.block;
    this.updated.textContent = block.lastRefreshAt ? 'updated ' + ago(block.lastRefreshAt) + (block.source ? ' · ' + block.source : '')
      : 'not refreshed yet';
  }
}
