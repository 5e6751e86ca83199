import { api, el, entityHref, entityLink, svg, table } from './dom.js';
import { dateBrush, dateRange } from './brush.js';

/** The latitudes the map shows (Antarctica and the far north left out), and its scale: one degree in picture units. */
const [north, south, scale] = [84, -58, 2.5];
const [width, height] = [360 * scale, (north - south) * scale];
/** How many of the places with the most events are named on the map. */
const namedPlaces = 12;
let countries = null;

/**
 * `#/map?since=&until=`: the countries' outlines with the places of the store's entities on them, each a circle that
 * grows with the events involving it and holds a dot that grows with the events that took place there.
 */
export async function mapPage(params) {
  const [outlines, places, brush] = await Promise.all([
    worldOutlines(), api(`/places?${dateRange(params)}&limit=1000`), dateBrush('map', params),
  ]);
  const busy = places.filter((place) => place.events > 0);
  return [
    el('h1', {}, 'Map of places'),
    brush,
    el('p', { class: 'note' },
      'Each circle is a place the reports name; it grows with the events that involve it (as source, target or place), '
      + 'and its red dot with the events that took place there. Select a place to open its page.'),
    el('figure', { class: 'chart map' },
      svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Map of the places named in the reports' },
        svg('g', { class: 'countries' }, outlines.map(countryShape)),
        svg('g', { class: 'places' }, [...places].sort((a, b) => b.events - a.events).map(placeMark)),
        svg('g', { class: 'place-names' }, placeNames(busy.slice(0, namedPlaces)))),
      el('figcaption', {}, places.length ? `${busy.length} of ${places.length} places have events in this range.` : 'No place with coordinates yet.')),
    busy.length ? placeTable(busy) : null,
  ];
}

/** The countries' outlines (world.json, fetched once). */
async function worldOutlines() {
  countries ??= api('/web/world.json').then((world) => world.countries);
  return countries;
}

/** A point's place in the picture: an equirectangular projection. */
function project(longitude, latitude) {
  return [(longitude + 180) * scale, (north - latitude) * scale];
}

/** A country's rings (flat lists of longitude, latitude) as one path. */
function countryShape(country) {
  const rings = country.rings.map((ring) => {
    const points = [];
    for (let index = 0; index < ring.length; index += 2) points.push(project(ring[index], ring[index + 1]).map((value) => value.toFixed(1)).join(' '));
    return `M${points.join('L')}Z`;
  });
  return svg('path', { d: rings.join(''), class: 'country' }, svg('title', {}, country.name));
}

/** The radius of a mark for `count` events. */
function radius(count, least, most) {
  return Math.min(most, least + 2.5 * Math.sqrt(count));
}

/** A place's circle, and the dot of the events that took place there, linking to its page. */
function placeMark(place) {
  const [x, y] = project(place.longitude, place.latitude);
  const label = `${place.name}: ${place.events} events involve it, ${place.here} took place there`;
  return svg('a', { href: entityHref(place.key), class: place.events ? 'place' : 'place quiet', 'aria-label': label },
    svg('circle', { cx: x, cy: y, r: place.events ? radius(place.events, 3, 30) : 2 }),
    place.here ? svg('circle', { cx: x, cy: y, r: radius(place.here, 1, 12), class: 'here' }) : null,
    svg('title', {}, label));
}

/** The names of the places, right of their circles, each left out where it would cover one already written. */
function placeNames(places) {
  const written = [];
  return places.map((place) => {
    const [cx, cy] = project(place.longitude, place.latitude);
    // A name's box, guessed from its length: about 6 units a letter, 12 high.
    const box = { x: cx + radius(place.events, 3, 30) + 2, y: cy - 8, width: 6 * place.name.length, height: 12 };
    const covers = (other) => box.x < other.x + other.width && other.x < box.x + box.width
      && box.y < other.y + other.height && other.y < box.y + box.height;
    if (written.some(covers)) return null;
    written.push(box);
    return svg('text', { x: box.x, y: cy + 4 }, place.name);
  });
}

function placeTable(places) {
  return table(['Place', 'Type', 'Events', 'Took place there'], places, (place) => el('tr', {},
    el('td', {}, entityLink(place.name, place.key)), el('td', {}, place.type),
    el('td', { class: 'number' }, place.events), el('td', { class: 'number' }, place.here)), 'Places with events');
}
