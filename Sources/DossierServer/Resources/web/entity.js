import { api, articleHref, dateValue, el, entityLink, shown, svg, table, toneClass } from './dom.js';

/** `#/entity/KEY`: an entity's record, names, timeline of events and quotes. */
export async function entityPage(params, key) {
  const { entity, aliases, events, quotes } = await api(`/entities/${encodeURIComponent(key)}?limit=500`);
  const facts = [
    ['Type', entity.type], ['Country', entity.country], ['Actor code', entity.actor], ['Knowledge base', entity.kb],
    ['Mentions', entity.mentions], ['Articles', entity.articles], ['Key', entity.key],
  ];
  return [
    el('h1', {}, entity.name),
    el('dl', { class: 'facts' }, facts.map(([name, value]) => [el('dt', {}, name), el('dd', {}, shown(value))])),
    el('h2', {}, 'Also called'),
    aliases.length ? el('ul', { class: 'aliases' }, aliases.map((alias) => el('li', {}, alias.alias, el('span', { class: 'meta' }, ` ×${alias.mentions}`))))
      : el('p', { class: 'note' }, 'No other name.'),
    el('h2', {}, `Timeline of events (${events.length})`),
    events.length ? timeline(events) : el('p', { class: 'note' }, 'No event has this entity as source or target.'),
    events.length ? eventTable(events, entity.key) : null,
    el('h2', {}, `Quotes (${quotes.length})`),
    quotes.length ? el('ul', { class: 'quotes' }, quotes.map(quoteItem)) : el('p', { class: 'note' }, 'No quote.'),
  ];
}

/** The events on an axis of dates, one dot each (stacked when they share a day), coloured by the Goldstein sign. */
function timeline(events) {
  const width = 900;
  const [left, right, axisY, step] = [40, 40, 150, 14];
  const dated = events.map((event) => ({ event, time: dateValue(event.date) })).filter((item) => item.time !== null);
  const times = dated.map((item) => item.time);
  const day = 86_400_000;
  let [first, last] = [Math.min(...times), Math.max(...times)];
  if (last - first < 2 * day) [first, last] = [first - 15 * day, last + 15 * day];
  const x = (time) => left + ((time - first) / (last - first)) * (width - left - right);
  const stacks = new Map();
  const dots = dated.map(({ event, time }) => {
    const column = Math.round(x(time));
    const height = stacks.get(column) ?? 0;
    stacks.set(column, height + 1);
    const label = `${event.date}: ${event.cameo} ${shown(event.plover)}, ${shown(event.source)} → ${shown(event.target)}`;
    const dot = svg('circle', { cx: column, cy: axisY - 12 - Math.min(height, 8) * step, r: 6, class: `dot ${toneClass(event.goldstein)}` },
      svg('title', {}, label));
    return event.article ? svg('a', { href: articleHref(event.article), 'aria-label': label }, dot) : dot;
  });
  const ticks = Array.from({ length: 5 }, (_, index) => first + (index / 4) * (last - first));
  return el('figure', { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} 190`, role: 'img', 'aria-label': 'Timeline of the events' },
      svg('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, class: 'axis' }),
      ticks.map((tick) => svg('g', { class: 'tick' },
        svg('line', { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 6, class: 'axis' }),
        svg('text', { x: x(tick), y: axisY + 22, 'text-anchor': 'middle' }, new Date(tick).toISOString().slice(0, 10)))),
      dots),
    el('figcaption', {}, 'Each dot is an event, placed by its date (select one to read its article); green: cooperation, red: '
      + 'conflict, grey: neutral or unscored.', dated.length < events.length ? ` Events without a date: ${events.length - dated.length}, not shown.` : ''));
}

function eventTable(events, key) {
  return table(['Date', 'Code', 'PLOVER', 'Role', 'With', 'Goldstein', 'Evidence', 'Article'], events, (event) => {
    const isSource = event.source_key === key;
    return el('tr', {},
      el('td', { class: 'nowrap' }, shown(event.date)), el('td', {}, event.cameo), el('td', {}, shown(event.plover)),
      el('td', {}, isSource ? 'source' : 'target'),
      el('td', {}, isSource ? entityLink(event.target, event.target_key) : entityLink(event.source, event.source_key)),
      el('td', { class: `number ${toneClass(event.goldstein)}` }, shown(event.goldstein)),
      el('td', { class: 'evidence' }, shown(event.evidence)),
      el('td', {}, event.article ? el('a', { href: articleHref(event.article) }, 'read') : '—'));
  });
}

function quoteItem(quote) {
  return el('li', {},
    el('blockquote', { class: quote.direct ? 'direct' : 'reported' }, quote.quote),
    el('p', { class: 'meta' }, `${shown(quote.date)} · `, el('a', { href: articleHref(quote.article) }, shown(quote.title ?? quote.source)),
      quote.direct ? '' : ' · reported speech'));
}
