import { api, articleHref, el, entityLink, shown, table, toneClass } from './dom.js';
import { dateBrush } from './brush.js';

/** The filters of `GET /events` the form offers, with their labels and hints; the histogram of dates sets the range. */
const filters = [
  ['actor', 'Actor', 'name, alias or key'], ['code', 'CAMEO code', 'prefix, e.g. 04'], ['plover', 'PLOVER', 'e.g. CONSULT'],
  ['status', 'Status', null],
];
const dates = ['since', 'until'];
const statuses = ['reported', 'planned', 'alleged', 'denied', 'negated', 'hypothetical'];
const pageSize = 50;

/**
 * `#/events?actor=&code=&plover=&status=&since=&until=&sort=&offset=`: a histogram of the filtered events by date that
 * chooses the dates, and the events table, a page at a time.
 */
export async function eventsPage(params) {
  const chosen = new URLSearchParams();
  for (const [name] of filters) if (params.get(name)) chosen.set(name, params.get(name));
  const brush = dateBrush('events', params, new URLSearchParams(chosen));
  for (const name of dates) if (params.get(name)) chosen.set(name, params.get(name));
  const sort = params.get('sort') === '-date' ? '-date' : 'date';
  if (sort === '-date') chosen.set('sort', sort);
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const events = await api(`/events?${chosen}&limit=${pageSize}&offset=${offset}`);
  const go = (changes) => {
    const next = new URLSearchParams(chosen);
    for (const [name, value] of Object.entries(changes)) if (value) next.set(name, value); else next.delete(name);
    location.hash = `#/events?${next}`;
  };
  const csv = new URLSearchParams(chosen);
  csv.set('format', 'csv');
  return [
    el('h1', {}, 'Events'),
    filterForm(params, (values) => go({ ...values, offset: null })),
    await brush,
    el('p', { class: 'toolbar' },
      el('span', {}, events.length ? `Events ${offset + 1}–${offset + events.length}` : 'No event matches.'),
      el('a', { href: `/events?${csv}`, download: 'events.csv' }, 'Download CSV (every matching event)')),
    eventTable(events, sort, () => go({ sort: sort === 'date' ? '-date' : null, offset: null })),
    pager(offset, events.length, (next) => go({ offset: next > 0 ? String(next) : null })),
  ];
}

function filterForm(params, submit) {
  const form = el('form', { class: 'filters' },
    filters.map(([name, label, hint]) => el('label', {}, label,
      name === 'status'
        ? el('select', { name }, el('option', { value: '' }, 'any'),
          statuses.map((status) => el('option', { value: status, selected: params.get(name) === status }, status)))
        : el('input', { name, value: params.get(name) ?? '', placeholder: hint }))),
    el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, value.trim()])));
  });
  return form;
}

function eventTable(events, sort, toggleSort) {
  const sortButton = el('button', { type: 'button', class: 'sort' }, 'Date ', sort === 'date' ? '▲' : '▼');
  sortButton.addEventListener('click', toggleSort);
  const dateHeader = el('th', { scope: 'col', 'aria-sort': sort === 'date' ? 'ascending' : 'descending' }, sortButton);
  return table(
    [dateHeader, 'Code', 'PLOVER', 'Source', 'Target', 'Goldstein', 'Reports', 'Evidence', 'Article'], events,
    (event) => el('tr', {},
      el('td', { class: 'nowrap' }, shown(event.date)), el('td', {}, shown(event.cameo)), el('td', {}, shown(event.plover)),
      el('td', {}, entityLink(event.source, event.source_key)), el('td', {}, entityLink(event.target, event.target_key)),
      el('td', { class: `number ${toneClass(event.goldstein)}` }, shown(event.goldstein)),
      el('td', { class: 'number' }, shown(event.mentions)), el('td', { class: 'evidence' }, shown(event.evidence)),
      el('td', {}, event.article ? el('a', { href: articleHref(event.article) }, 'read') : '—')));
}

function pager(offset, count, goTo) {
  const previous = el('button', { type: 'button', disabled: offset === 0 }, '← Previous');
  const next = el('button', { type: 'button', disabled: count < pageSize }, 'Next →');
  previous.addEventListener('click', () => goTo(Math.max(0, offset - pageSize)));
  next.addEventListener('click', () => goTo(offset + pageSize));
  return el('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next);
}
