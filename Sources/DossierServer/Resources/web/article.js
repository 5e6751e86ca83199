import { api, el, entityHref, entityLink, shown } from './dom.js';
import { modelFromStore, triggerSpan } from './article-model.js';

/** The marks' layers, outermost first: a mention inside a quote inside an event's evidence. */
const layers = ['evidence', 'quote', 'entity', 'time', 'trigger'];

/** The colours' legend: a class and what it marks. */
const legend = [
  ['hl-entity type-PERSON', 'Person'], ['hl-entity type-ORG', 'Organisation'], ['hl-entity type-GPE', 'Country, city'],
  ['hl-entity type-LOC', 'Place'], ['hl-entity type-WEAPON', 'Weapon'], ['hl-entity type-EVENT', 'Named event'],
  ['hl-entity type-AGENT', 'Agent'], ['hl-time', 'Time'], ['hl-quote', 'Quote'], ['hl-evidence', 'Event evidence'],
  ['hl-trigger', 'Event trigger'],
];

/** `#/article/ID`: an article of the store. */
export async function articlePage(params, id) {
  return articleView(modelFromStore(await api(`/articles/${encodeURIComponent(id)}`)));
}

/** The article's title, date and outlet, its body with the marks, a legend, and its events. */
export function articleView(model) {
  const evidenceAnchors = new Map();
  const body = markedBody(model.body, model.marks, evidenceAnchors);
  return [
    el('h1', {}, shown(model.title ?? model.source)),
    el('p', { class: 'meta' },
      `Published ${shown(model.published)}`, model.outlet ? ` · ${model.outlet}` : null,
      safeURL(model.url) ? [' · ', el('a', { href: safeURL(model.url), rel: 'noreferrer noopener' }, 'original')] : null),
    el('ul', { class: 'legend', 'aria-label': 'Colours of the marks' },
      legend.map(([classes, name]) => el('li', {}, el('mark', { class: `hl ${classes}` }, name)))),
    el('div', { class: 'article-body' }, body),
    el('h2', {}, `Events (${model.events.length})`),
    model.events.length ? el('ol', { class: 'event-list' }, model.events.map((event, index) => eventItem(event, evidenceAnchors.get(index))))
      : el('p', { class: 'note' }, 'No event was found in this article.'),
  ];
}

/** An http(s) address, or null for anything else (such as javascript:). */
function safeURL(url) {
  return /^https?:\/\//i.test(url ?? '') ? url : null;
}

/**
 * The body as text nodes inside nested marks. The body is cut at every mark's start and end; each piece is wrapped in
 * the marks that cover it, outermost layer first. An entity's mark links to its page unless another entity's does.
 * `evidenceAnchors` receives the first piece of each event's evidence.
 */
function markedBody(body, marks, evidenceAnchors) {
  const points = Array.from(body);
  const valid = marks.filter((mark) => Number.isInteger(mark.start) && Number.isInteger(mark.end)
    && mark.start >= 0 && mark.start < mark.end && mark.end <= points.length);
  const cuts = [...new Set([0, points.length, ...valid.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const [start, end] = [cuts[index], cuts[index + 1]];
    const covering = valid.filter((mark) => mark.start <= start && mark.end >= end)
      .sort((a, b) => layers.indexOf(a.kind) - layers.indexOf(b.kind) || (b.end - b.start) - (a.end - a.start));
    let node = document.createTextNode(points.slice(start, end).join(''));
    const outerEntity = covering.find((mark) => mark.kind === 'entity');
    for (const mark of covering.reverse()) {
      node = markElement(mark, mark === outerEntity && mark.key, node);
      if (mark.kind === 'evidence' && !evidenceAnchors.has(mark.event)) evidenceAnchors.set(mark.event, node);
    }
    pieces.push(node);
  }
  return pieces;
}

function markElement(mark, linked, child) {
  const classes = `hl hl-${mark.kind}${mark.type ? ` type-${mark.type}` : ''}`;
  return linked
    ? el('a', { class: classes, href: entityHref(mark.key), title: mark.label }, child)
    : el('mark', { class: classes, title: mark.label }, child);
}

/** An event as a row that opens to show its evidence, actors, code, status and the pattern that fired. */
function eventItem(event, anchor) {
  const trigger = triggerSpan(event.evidence ?? '', event.trigger);
  const evidence = trigger ? withTrigger(event.evidence, trigger) : shown(event.evidence);
  const fields = [
    ['Evidence', el('q', {}, evidence)], ['Source', entityLink(event.source.name, event.source.key)],
    ['Target', entityLink(event.target.name, event.target.key)], ['CAMEO code', shown(event.code)],
    ['PLOVER', shown(event.plover)], ['Date', shown(event.date)], ['Status', shown(event.status)],
    ['Trigger', shown(event.trigger)], ['Pattern', el('code', {}, shown(event.pattern))],
  ];
  if (event.attributedTo) fields.push(['Attributed to', event.attributedTo]);
  return el('li', {},
    el('details', { class: 'event' },
      el('summary', {},
        el('span', { class: 'code' }, shown(event.code)), ' ', shown(event.plover), ': ',
        el('strong', {}, shown(event.source.name)), ' → ', el('strong', {}, shown(event.target.name)),
        el('span', { class: `status status-${event.status}` }, shown(event.status)),
        el('span', { class: 'date' }, shown(event.date))),
      el('dl', {}, fields.map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
      anchor ? showInTextButton(anchor) : null));
}

function withTrigger(sentence, span) {
  const points = Array.from(sentence);
  return [
    points.slice(0, span.start).join(''), el('mark', { class: 'hl hl-trigger' }, points.slice(span.start, span.end).join('')),
    points.slice(span.end).join(''),
  ];
}

/** A button that scrolls to the event's evidence in the body and flashes it. */
function showInTextButton(anchor) {
  const button = el('button', { type: 'button', class: 'small' }, 'Show in the text');
  button.addEventListener('click', () => {
    anchor.scrollIntoView({ behavior: 'smooth', block: 'center' });
    anchor.classList.remove('flash');
    void anchor.offsetWidth;
    anchor.classList.add('flash');
  });
  return button;
}
