// Small DOM helpers: elements from plain data, labelled fields, errors shown beside the field
// the API names, and times written for people.

/** h('button', {class: 'x', onclick: fn}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'value') element.value = value;
    else if (key === 'checked' || key === 'disabled' || key === 'selected' || key === 'multiple' || key === 'required') element[key] = !!value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldCounter = 0;

/**
 * A labelled input with a hint and a place for its error. `name` is the API's field name
 * (such as `credentials.api_key`): an error naming it is shown here.
 */
export function field(label, input, { name, hint, optional } = {}) {
  const id = input.id || 'f' + (++fieldCounter);
  input.id = id;
  const hintId = id + '-hint';
  const errorId = id + '-error';
  input.setAttribute('aria-describedby', hintId + ' ' + errorId);
  if (name) input.dataset.field = name;
  return h('div', { class: 'field', dataset: name ? { fieldWrap: name } : {} },
    h('label', { for: id }, label, optional ? h('span', { class: 'muted' }, ' (optional)') : null),
    input,
    h('div', { class: 'hint', id: hintId }, hint || ''),
    h('div', { class: 'error', id: errorId, role: 'alert', dataset: name ? { errorFor: name } : {} }));
}

export function clearErrors(scope) {
  scope.querySelectorAll('.error').forEach((element) => { element.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
}

/**
 * Shows an API error beside the field it names (or the nearest enclosing field the form has),
 * else in the form's own alert; focuses the field. Returns the element that shows it.
 */
export function showError(scope, error, { focus = true } = {}) {
  clearErrors(scope);
  const message = error.message || String(error);
  let name = error.field;
  while (name) {
    const slot = scope.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) {
      slot.textContent = message + (error.code ? ` (${error.code})` : '');
      const input = scope.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        if (focus) input.focus();
      }
      return slot;
    }
    const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
    name = cut > 0 ? name.slice(0, cut) : null;
  }
  let alert = scope.querySelector('.form-error');
  if (!alert) {
    alert = h('div', { class: 'form-error error', role: 'alert' });
    scope.prepend(alert);
  }
  alert.textContent = message + (error.code ? ` (${error.code})` : '');
  return alert;
}

/** Runs a long action with the button busy and a progress bar beside it; errors go to `scope`. */
export async function busy(button, label, scope, action) {
  const original = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = label;
  const bar = h('progress', { class: 'working', 'aria-label': label });
  button.after(bar);
  try {
    if (scope) clearErrors(scope);
    return await action();
  } catch (error) {
    if (error.name === 'AbortError') return undefined;
    if (scope) showError(scope, error);
    else toast(error.message, true);
    return undefined;
  } finally {
    bar.remove();
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = original;
  }
}

export function toast(message, isError) {
  const box = document.getElementById('toast');
  box.className = isError ? 'show bad' : 'show';
  box.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.className = ''; }, 6000);
}

/** Asks in a modal dialog; resolves true when confirmed. */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title), h('p', {}, text));
    const done = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', onclick: () => done(true) }, confirmLabel),
      h('button', { type: 'button', onclick: () => done(false) }, 'Cancel')));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function time(instant) {
  if (!instant) return '—';
  const date = new Date(instant);
  return h('time', { datetime: instant, title: instant }, date.toLocaleString());
}

export function ago(instant, now = Date.now()) {
  if (!instant) return 'never';
  const seconds = Math.max(0, Math.round((now - new Date(instant).getTime()) / 1000));
  if (seconds < 60) return seconds + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.round(seconds / 3600) + ' h ago';
  return Math.round(seconds / 86400) + ' d ago';
}

/** Copies text, or, where the browser refuses, selects it for the person to copy. */
export async function copy(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    toast('Copied');
  } catch (e) {
    if (input) input.select();
    toast('Press Ctrl+C to copy');
  }
}

export function statusBadge(text, kind) {
  return h('span', { class: 'badge ' + (kind || text || '').toString().toLowerCase() }, text);
}

export const CADENCES = [5, 15, 60, 360, 1440];

export function cadenceLabel(minutes) {
  if (minutes < 60) return minutes + ' min';
  if (minutes < 1440) return minutes / 60 + ' h';
  return minutes / 1440 + ' day';
}

/** datetime-local value (local time) -> ISO-8601 instant, or '' */
export function isoFromLocal(value) {
  return value ? new Date(value).toISOString() : '';
}

/**
 * Checks an input against a connector's pattern as the person types. Patterns are written for
 * Java; one this browser cannot read (an inline flag, say) is left to the server's check.
 */
export function checkPattern(input, pattern, message) {
  if (!pattern) return input;
  let regex;
  try {
    regex = new RegExp('^(?:' + pattern + ')$', 'u');
  } catch (e) {
    return input;
  }
  const check = () => input.setCustomValidity(input.value === '' || regex.test(input.value.trim()) ? '' : message);
  input.addEventListener('input', check);
  return input;
}
