// Small DOM helpers: elements, labelled fields with an error slot, announcing, showing the API's field errors.
import { t } from './i18n.js';

/** h('a', { href: '#/x', class: 'y' }, 'text', child…): attributes, on* listeners, and children (strings, nodes, arrays). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else if (name === 'checked' || name === 'selected') element[name] = Boolean(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Replaces the children of `parent` (unlike the DOM's own replaceChildren, leaves out null and false rather than writing "null"). */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

/** Appends children to `parent`, leaving out null and false. */
export function add(parent, ...children) {
  append(parent, children);
  return parent;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let counter = 0;
export const uniqueId = (prefix) => `${prefix}-${++counter}`;

/**
 * A labelled input with a hint and an error slot. `path` is the API's field path (amount, projects[2].amount): the
 * error for it lands here. Returns the wrapper; the control is wrapper.control.
 */
export function field(labelText, control, { path, hint, required } = {}) {
  const id = control.id || uniqueId('f');
  control.id = id;
  if (path) control.dataset.path = path;
  if (required) control.required = true;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id }, labelText, required ? h('span', { 'aria-hidden': 'true', class: 'req' }, ' *') : null),
    control,
    hint ? h('div', { class: 'hint', id: hintId }, hint) : null,
    h('div', { class: 'error', id: errorId }));
  wrapper.control = control;
  return wrapper;
}

export function input(attributes) { return h('input', { type: 'text', ...attributes }); }

/** options: [[value, label], …] */
export function select(options, attributes = {}) {
  return h('select', attributes, options.map(([value, label]) => h('option', { value, selected: String(value) === String(attributes.value ?? '') }, label)));
}

/** Says a message in a live region: emptied first, so that the same message said twice is read twice. */
function say(id, message) {
  const region = document.getElementById(id);
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

export const announce = (message) => say('announcer', message);
export const alertMessage = (message) => say('alert', message);

/** Reads a form's fields as trimmed text: value('title') → '…' ('' for a field left empty or missing). */
export function formText(form) {
  const data = new FormData(form);
  return (name) => String(data.get(name) ?? '').trim();
}

/** Clears the error slots of a form. */
export function clearErrors(root) {
  root.querySelectorAll('.error').forEach((slot) => { slot.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  root.querySelectorAll('.form-problems').forEach((box) => box.replaceChildren());
}

/**
 * Puts each of the API's field errors next to the control whose data-path names it (case-insensitive, so `NameZh`
 * and `nameZh` meet); the rest, and a summary, go to the form's problem box. Focuses the first bad field and
 * announces how many problems there are.
 */
export function showErrors(root, error) {
  clearErrors(root);
  const box = root.querySelector('.form-problems');
  const controls = [...root.querySelectorAll('[data-path]')];
  const unplaced = [];
  let first = null;
  for (const [path, messages] of Object.entries(error.fieldErrors || {})) {
    const control = controlFor(controls, path);
    if (!control) { unplaced.push([path, messages.join(' ')]); continue; }
    control.setAttribute('aria-invalid', 'true');
    fill(document.getElementById(`${control.id}-error`), error.local ? messages.join(' ') : apiMessage(labelOf(control) || path, messages.join(' ')));
    first ??= control;
  }
  const count = Object.keys(error.fieldErrors || {}).length;
  const summary = count > 0 ? t('problemsCount', count) : error.message;
  if (box) {
    add(box, h('p', {}, summary), unplaced.length ? h('ul', {}, unplaced.map(([path, message]) => h('li', {}, error.local ? `${path}: ${message}` : apiMessage(fieldName(path), message)))) : null);
  }
  alertMessage(summary + (unplaced.length ? ' ' + unplaced.map(([path, message]) => `${fieldName(path)}${t('labelSeparator')}${message}`).join(' ') : ''));
  (first || box)?.focus?.();
}

/** The text of the label a control has, without the mark of a required field. */
function labelOf(control) {
  const label = control.labels?.[0];
  if (!label) return control.getAttribute('aria-label') || '';
  return [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();
}

/** A field the form has no control for, by the app's label for it where it has one: 状态 (status). */
function fieldName(path) {
  const label = t(path);
  return label === path ? path : `${label} (${path})`;
}

/**
 * The API's message, which is in English, after the field's label in the app's language (行业：sector is required …),
 * marked as English so that a screen reader reads it in an English voice. The messages are not translated: the API's
 * wording is the one its documentation and other clients see.
 */
function apiMessage(label, message) {
  return [h('span', { class: 'error-field' }, `${label}${t('labelSeparator')}`), h('span', { lang: 'en' }, message)];
}

/**
 * The control an error path belongs to: the one naming it (data-path, or one of data-also), else the one whose path
 * the error's path extends (phases for phases[1].amount), so no error is left without a place when a field has one.
 */
function controlFor(controls, path) {
  const wanted = path.toLowerCase();
  const names = (control) => [control.dataset.path, ...(control.dataset.also || '').split(' ')].filter(Boolean).map((name) => name.toLowerCase());
  return controls.find((control) => names(control).includes(wanted))
    ?? controls.filter((control) => names(control).some((name) => wanted.startsWith(name + '[') || wanted.startsWith(name + '.')))
      .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
}

/** Problems the app finds itself before asking the API (an amount it cannot read), in the app's language. */
export const localProblems = (fieldErrors) => ({ fieldErrors, local: true, message: t('problemsCount', Object.keys(fieldErrors).length) });

export function problemBox() { return h('div', { class: 'form-problems', tabindex: '-1' }); }

export function table(caption, headers, rows, attributes = {}) {
  return h('table', attributes,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length }, t('none')))));
}
