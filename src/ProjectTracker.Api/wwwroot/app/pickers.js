// Pickers for reference data: places found by name as people write them (GET /api/districts?q=), parks, sectors.
import { get } from './api.js';
import { field, h, input, select, uniqueId, fill, add } from './dom.js';
import { t } from './i18n.js';
import { nameOf } from './values.js';

let sectors;
let parks;
// Reference data changes rarely: asked once per page load (a failure is not kept, so signing in retries it).
const loadSectors = () => (sectors ??= get('/api/sectors').catch((error) => { sectors = undefined; throw error; }));
const loadParks = () => (parks ??= get('/api/parks').catch((error) => { parks = undefined; throw error; }));

/** What may stand between place names typed in one field: commas (either width), 、 and spaces. */
const placeSeparator = /[,，、\s]+/;

/** The place names typed in one field, in order: 'a, b、c' → ['a', 'b', 'c']. */
export const placeNames = (text) => String(text || '').split(placeSeparator).filter(Boolean);

/**
 * A labelled text input for a place, with suggestions as the user types. The API accepts a code, a slug or a name only
 * one place has, so what the user typed is sent as it is; a suggestion puts the code in (its label shows the parents).
 */
export function placeField(labelText, attributes = {}, options = {}) {
  const listId = uniqueId('places');
  const control = input({ ...attributes, list: listId, autocomplete: 'off' });
  const list = h('datalist', { id: listId });
  let timer;
  control.addEventListener('input', () => {
    clearTimeout(timer);
    // The name being typed: the last one, nothing just after a separator.
    const text = control.value.trim().split(placeSeparator).pop();
    if (!text) return;
    timer = setTimeout(async () => {
      try {
        const places = await get('/api/districts', { q: text });
        fill(list, ...places.slice(0, 20).map((place) =>
          h('option', { value: place.code }, [...place.parents.map((parent) => parent.nameZh).reverse(), place.nameZh].join(' '))));
      } catch { /* suggestions are a convenience; the API names a bad place when the form is sent */ }
    }, 200);
  });
  const wrapper = field(labelText, control, options);
  add(wrapper, list);
  return wrapper;
}

/** A sector select: categories as groups, each with its industries; the first option is "any" / "choose". */
export async function sectorSelect(attributes = {}, emptyLabel = t('any')) {
  const categories = await loadSectors();
  return h('select', attributes,
    h('option', { value: '' }, emptyLabel),
    categories.map((category) => h('optgroup', { label: nameOf(category) },
      h('option', { value: category.code, selected: attributes.value === category.code }, `${nameOf(category)}（${t('wholeCategory')}）`),
      category.industries.map((industry) => h('option', { value: industry.code, selected: attributes.value === industry.code }, nameOf(industry))))));
}

/** A park select, optionally only the parks of a place. */
export async function parkSelect(attributes = {}) {
  const all = await loadParks();
  return select([['', t('any')], ...all.map((park) => [park.code, nameOf(park)])], attributes);
}

export const statuses = ['intent', 'signed', 'started', 'completed', 'cancelled'];
export const kinds = ['investment', 'cooperation', 'platform', 'public_works'];
