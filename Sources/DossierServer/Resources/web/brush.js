import { api, dateValue, el, svg } from './dom.js';

const [width, height, left, right, top, bottom] = [900, 130, 8, 8, 8, 24];
const day = 86_400_000;
/** The most bars a histogram draws: days while they fit, else months, else years. */
const mostBars = 120;
/** The views whose events a range of dates chooses. */
const rangedViews = ['events', 'network', 'map'];

/** The `since` and `until` of a view's parameters, as the parameters of an API route. */
export function dateRange(params) {
  const range = new URLSearchParams();
  for (const name of ['since', 'until']) if (params.get(name)) range.set(name, params.get(name));
  return range;
}

/**
 * A histogram of the events by date, for the `GET /events` filters in `filters` (dates aside) and the range of
 * `params`' `since` and `until`. Dragging across the bars chooses a narrower range, the two date fields any range, and
 * "Every date" none: `#/VIEW` opens again with it (and from its first page), its histogram zoomed to the range.
 */
export async function dateBrush(view, params, filters = new URLSearchParams()) {
  const range = dateRange(params);
  const rows = await api(`/events/dates?${filters}&${range}`);
  const bars = histogram(rows);
  const undated = rows.find((row) => row.date === null)?.events ?? 0;
  const choose = (since, until) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of [['since', since], ['until', until]]) if (value) next.set(name, value); else next.delete(name);
    next.delete('offset');
    location.hash = `#/${view}?${next}`;
  };
  const fields = dateFields(range, choose);
  return el('figure', { class: 'chart brush' },
    bars.length ? chart(bars, range.size > 0, fields.show, choose) : null,
    fields.form,
    el('figcaption', {},
      bars.length ? 'Events by date: drag across the bars, or type two dates, to choose a range. ' : 'No event has a date here. ',
      undated ? `Events without a date (${undated}) are left out of a range. ` : '',
      rangeLinks(view, range)));
}

/** The bars of a histogram: one a day, month or year from the first date to the last, each with its events. */
function histogram(rows) {
  const dated = rows.map((row) => ({ time: dateValue(row.date), events: row.events })).filter((row) => row.time !== null);
  if (!dated.length) return [];
  const [first, last] = [dated[0].time, dated.at(-1).time];
  const unit = ['day', 'month'].find((candidate) => periods(first, last, candidate) <= mostBars) ?? 'year';
  const bars = [];
  for (let start = startOf(first, unit); start <= last; start = step(start, unit, 1)) bars.push(bar(start, unit));
  // A few bars either side of a short span, so that one day is not one wide bar.
  while (bars.length < 7) {
    if (bars.length % 2) bars.push(bar(step(bars.at(-1).start, unit, 1), unit));
    else bars.unshift(bar(step(bars[0].start, unit, -1), unit));
  }
  for (const row of dated) bars.find((item) => row.time < item.end).events += row.events;
  return bars;
}

function bar(start, unit) {
  return { start, end: step(start, unit, 1), unit, events: 0 };
}

/** How many days, months or years from `first` to `last`, both counted. */
function periods(first, last, unit) {
  const [a, b] = [new Date(first), new Date(last)];
  if (unit === 'day') return (last - first) / day + 1;
  if (unit === 'month') return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return b.getUTCFullYear() - a.getUTCFullYear() + 1;
}

/** The first moment of the day, month or year of `time`. */
function startOf(time, unit) {
  const date = new Date(time);
  if (unit === 'day') return time;
  return Date.UTC(date.getUTCFullYear(), unit === 'month' ? date.getUTCMonth() : 0, 1);
}

/** The start of the day, month or year `count` after (or before) the one starting at `start`. */
function step(start, unit, count) {
  const date = new Date(start);
  if (unit === 'day') return start + count * day;
  if (unit === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1);
  return Date.UTC(date.getUTCFullYear() + count, 0, 1);
}

/** A day as `YYYY-MM-DD`. */
function dayText(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** A bar's period as its dates show it: `2023-07-27`, `2023-07` or `2023`. */
function periodText(item) {
  return dayText(item.start).slice(0, { day: 10, month: 7, year: 4 }[item.unit]);
}

/** The first moment after a date's period: the next day, month or year after `2023-07-27`, `2023-07` or `2023`. */
function periodEnd(text) {
  const parts = text.split('-').length;
  return step(dateValue(text), ['year', 'month', 'day'][parts - 1], 1);
}

/** The range of `since` to `until` from the bars `a` to `b` (either order), as days. */
function rangeOf(bars, a, b) {
  const [first, last] = [Math.min(a, b), Math.max(a, b)];
  return [dayText(bars[first].start), dayText(bars[last].end - day)];
}

/**
 * The SVG histogram: its bars (all of them selected when `ranged`), and dragging to select some, which `show` follows
 * in the date fields and `choose` takes on release.
 */
function chart(bars, ranged, show, choose) {
  const barWidth = (width - left - right) / bars.length;
  const most = Math.max(...bars.map((item) => item.events), 1);
  const selection = svg('rect', { class: 'brush-selection', y: top, height: height - top - bottom, width: 0 });
  const mark = (a, b) => {
    const [first, last] = [Math.min(a, b), Math.max(a, b)];
    selection.setAttribute('x', left + first * barWidth);
    selection.setAttribute('width', (last - first + 1) * barWidth);
  };
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Events by date; drag to choose a range' },
    bars.map((item, index) => {
      const barHeight = ((height - top - bottom) * item.events) / most;
      return svg('rect', {
        class: ranged ? 'bar selected' : 'bar',
        x: left + index * barWidth + barWidth * 0.1, width: barWidth * 0.8, y: height - bottom - barHeight, height: barHeight,
      }, svg('title', {}, `${periodText(item)}: ${item.events} events`));
    }),
    selection,
    svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'axis' }),
    [[0, 'start'], [Math.floor(bars.length / 2), 'middle'], [bars.length - 1, 'end']].map(([index, anchor]) => svg('text', {
      x: anchor === 'start' ? left : anchor === 'end' ? width - right : left + (index + 0.5) * barWidth,
      y: height - 6, 'text-anchor': anchor,
    }, periodText(bars[index]))));
  const follow = (a, b) => {
    mark(a, b);
    show(...rangeOf(bars, a, b));
  };
  drag(picture, bars.length, follow, (a, b) => choose(...rangeOf(bars, a, b)));
  return picture;
}

/** Dragging across the picture: `follow` takes the first and last bar under the pointer as it moves, `done` on release. */
function drag(picture, count, follow, done) {
  let anchor = null;
  const barAt = (event) => {
    const box = picture.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width;
    return Math.max(0, Math.min(count - 1, Math.floor(((x - left) / (width - left - right)) * count)));
  };
  picture.addEventListener('pointerdown', (event) => {
    anchor = barAt(event);
    picture.setPointerCapture(event.pointerId);
    follow(anchor, anchor);
  });
  picture.addEventListener('pointermove', (event) => {
    if (anchor !== null) follow(anchor, barAt(event));
  });
  picture.addEventListener('pointerup', (event) => {
    if (anchor === null) return;
    const first = anchor;
    anchor = null;
    done(first, barAt(event));
  });
}

/**
 * The two date fields of the range, and buttons to apply them or show every date; `show(since, until)` puts days in
 * the fields, as dragging does.
 */
function dateFields(range, choose) {
  const since = el('input', { type: 'date', name: 'since', value: range.get('since') ? dayText(dateValue(range.get('since'))) : null });
  const until = el('input', { type: 'date', name: 'until', value: range.get('until') ? dayText(periodEnd(range.get('until')) - day) : null });
  const clear = el('button', { type: 'button', disabled: !range.size }, 'Every date');
  const form = el('form', { class: 'range' },
    el('label', {}, 'From', since), el('label', {}, 'To', until), el('button', { type: 'submit' }, 'Apply dates'), clear);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    choose(since.value, until.value);
  });
  clear.addEventListener('click', () => choose(null, null));
  const show = (first, last) => {
    [since.value, until.value] = [first, last];
  };
  return { form, show };
}

/** Links to the other views with the same range, or a note that every date is shown. */
function rangeLinks(view, range) {
  if (!range.size) return 'Every date is shown.';
  const shownRange = `${range.get('since') ?? 'the first'} to ${range.get('until') ?? 'the last'}`;
  const others = rangedViews.filter((name) => name !== view);
  return [`Shown: ${shownRange}. The same dates in `,
    others.map((name, index) => [index ? ' and ' : '', el('a', { href: `#/${name}?${range}` }, name)]), '.'];
}
