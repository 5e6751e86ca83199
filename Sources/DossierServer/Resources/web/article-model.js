// The article view's model, made from either source: an article of the store (`GET /articles/{id}`) or a report just
// read (`POST /extract`). Spans count code points of the body, end exclusive.
//
// { title, published, outlet, source, url, body,
//   marks: [{ kind: 'entity'|'time'|'quote'|'evidence'|'trigger', start, end, type?, label, key? }],
//   events: [{ date, code, plover, status, source: {name, key}, target: {name, key}, evidence, trigger, pattern,
//              attributedTo, start, end }] }

/** The model of an article of the store. */
export function modelFromStore({ article, events, mentions, quotes }) {
  const reports = events.map((event) => ({
    date: event.date, code: event.cameo, plover: event.plover, status: event.status,
    source: { name: event.source, key: event.source_key }, target: { name: event.target, key: event.target_key },
    evidence: event.evidence, trigger: event.trigger, pattern: event.pattern, attributedTo: null,
    start: event.start, end: event.end,
  }));
  const marks = [
    ...mentions.map((mention) => ({
      kind: 'entity', start: mention.start, end: mention.end, type: mention.type, key: mention.entity,
      label: `${mention.type}: ${mention.name ?? mention.text}`,
    })),
    ...quotes.map((quote) => ({
      kind: 'quote', start: quote.start, end: quote.end,
      label: `${quote.direct ? 'Quote' : 'Reported speech'} of ${quote.speaker ?? 'an unknown speaker'}`,
    })),
    ...eventMarks(article.body, reports),
  ];
  return {
    title: article.title, published: article.published, outlet: article.outlet, source: article.source,
    url: article.url, body: article.body, marks, events: reports,
  };
}

/** The model of the JSON that `dossier extract --format json` prints (and `POST /extract` answers). */
export function modelFromExtraction(output) {
  const entities = new Map(output.entities.map((entity) => [entity.id, entity]));
  const party = (id) => ({ name: entities.get(id)?.name ?? null, key: null });
  const events = output.events.map((event) => ({
    date: event.date, code: event.cameo, plover: event.plover, status: event.status,
    source: party(event.source), target: party(event.target), evidence: event.evidence?.text, trigger: event.trigger,
    pattern: event.pattern, attributedTo: party(event.attributed_to).name, start: event.evidence?.start,
    end: event.evidence?.end,
  }));
  const marks = [
    ...output.entities.flatMap((entity) => entity.mentions.map((mention) => ({
      kind: 'entity', start: mention.start, end: mention.end, type: entity.type, label: `${entity.type}: ${entity.name}`,
    }))),
    ...output.times.map((time) => ({
      kind: 'time', start: time.start, end: time.end, label: `Time: ${time.value ?? 'unresolved'}`,
    })),
    ...output.quotes.map((quote) => ({
      kind: 'quote', start: quote.start, end: quote.end,
      label: `${quote.direct ? 'Quote' : 'Reported speech'} of ${party(quote.speaker).name ?? 'an unknown speaker'}`,
    })),
    ...eventMarks(output.body, events),
  ];
  return {
    title: output.title, published: output.published, outlet: output.outlet, source: output.source, url: output.url,
    body: output.body, marks, events,
  };
}

/** Each event's evidence, and its trigger word found inside the evidence. */
function eventMarks(body, events) {
  const points = Array.from(body);
  return events.flatMap((event, index) => {
    if (!Number.isInteger(event.start)) return [];
    const label = `Event ${index + 1}: ${event.code} ${event.plover ?? ''}`.trim();
    const evidence = { kind: 'evidence', start: event.start, end: event.end, label, event: index };
    const trigger = triggerSpan(points.slice(event.start, event.end).join(''), event.trigger);
    return trigger
      ? [evidence, { kind: 'trigger', start: event.start + trigger.start, end: event.start + trigger.end, label: `Trigger of ${label}` }]
      : [evidence];
  });
}

/** Where `word` first stands as a whole word in `sentence`, in code points; null if it does not. */
export function triggerSpan(sentence, word) {
  if (!word) return null;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?![\\p{L}\\p{N}])`, 'u').exec(sentence);
  if (!match) return null;
  const start = Array.from(sentence.slice(0, match.index + match[1].length)).length;
  return { start, end: start + Array.from(word).length };
}
