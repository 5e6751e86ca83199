// Small helpers to build the page. Text from reports is untrusted: it enters the page only as text nodes and attribute
// values (createTextNode, setAttribute), never as HTML.

const svgNamespace = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes (null ones skipped) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element, built like `el`. */
export function svg(tag, attributes = {}, ...children) {
  return build(document.createElementNS(svgNamespace, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** The JSON answer of an API route; a failed answer throws its `{"error": …}` message. */
export async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** A value for display: a dash for null or empty. */
export function shown(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** The hash route of an article, by its id. */
export function articleHref(id) {
  return `#/article/${encodeURIComponent(id)}`;
}

/** The hash route of an entity, by its key. */
export function entityHref(key) {
  return `#/entity/${encodeURIComponent(key)}`;
}

/** A link to an entity's page by key, or the bare name (or a dash) when it has no record. */
export function entityLink(name, key) {
  return key ? el('a', { href: entityHref(key) }, shown(name)) : shown(name);
}

/** An error shown in place of a view's content. */
export function errorNote(error) {
  return el('p', { class: 'error', role: 'alert' }, `Could not load this: ${error.message}`);
}

/** A table whose rows `row` makes, in a box that scrolls sideways on a narrow screen. */
export function table(headers, items, row, caption) {
  return el('div', { class: 'table-box' },
    el('table', {},
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, headers.map((header) => header instanceof Node ? header : el('th', { scope: 'col' }, header)))),
      el('tbody', {}, items.map(row))));
}

/** A date as milliseconds since 1970: `YYYY`, `YYYY-MM` and `YYYY-MM-DD` at their first day; null for no date. */
export function dateValue(text) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text ?? '');
  return match ? Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)) : null;
}

/** The sign of a Goldstein score or sum as a class: cooperation, conflict or neutral. */
export function toneClass(goldstein) {
  if (goldstein > 0) return 'tone-cooperation';
  if (goldstein < 0) return 'tone-conflict';
  return 'tone-neutral';
}
