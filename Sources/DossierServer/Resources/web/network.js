import { api, el, entityHref, svg, toneClass } from './dom.js';
import { dateBrush, dateRange } from './brush.js';

const [width, height] = [960, 640];
/** The pull of each node to the origin in the layout, a share of its distance. */
const gravity = 0.4;

/**
 * `#/network?since=&until=`: actors as nodes and the events between them (in the range of dates) as edges, laid out by
 * a force simulation.
 */
export async function networkPage(params) {
  const [pairs, brush] = await Promise.all([api(`/network?${dateRange(params)}&limit=200`), dateBrush('network', params)]);
  const { nodes, edges } = graph(pairs);
  layout(nodes, edges);
  return [
    el('h1', {}, 'Network of actors'),
    brush,
    el('p', { class: 'note' },
      'Each line joins two actors; its width grows with the events between them, its colour is the sign of their '
      + 'Goldstein sum (green: cooperation, red: conflict, grey: neutral). Select an actor to open its page.'),
    nodes.length ? drawing(nodes, edges) : el('p', { class: 'note' }, 'No event joins two actors yet.'),
  ];
}

/** The actors and the pairs of them, both directions of a pair merged into one edge. */
function graph(pairs) {
  const nodes = new Map();
  const edges = new Map();
  const node = (key, name) => {
    if (!nodes.has(key)) nodes.set(key, { key, name, degree: 0, x: 0, y: 0 });
    return nodes.get(key);
  };
  for (const pair of pairs) {
    if (pair.source_key === pair.target_key) continue;
    const [a, b] = [node(pair.source_key, pair.source), node(pair.target_key, pair.target)];
    const id = [a.key, b.key].sort().join('\n');
    if (!edges.has(id)) edges.set(id, { a, b, events: 0, goldstein: 0 });
    const edge = edges.get(id);
    edge.events += pair.events;
    edge.goldstein += pair.goldstein ?? 0;
    a.degree += pair.events;
    b.degree += pair.events;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * Fruchterman and Reingold's layout (1991), in open space around the origin: every pair of nodes repels, every edge
 * pulls (more for more events), a pull to the origin keeps apart groups near, and the step each node may take cools
 * over a bounded number of rounds. The drawing is then scaled to fit the picture.
 */
function layout(nodes, edges, rounds = 300) {
  const k = 100;
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / nodes.length;
    [node.x, node.y] = [k * Math.sqrt(nodes.length) * Math.cos(angle), k * Math.sqrt(nodes.length) * Math.sin(angle)];
  });
  let temperature = 10 * k;
  for (let round = 0; round < rounds; round += 1) {
    for (const node of nodes) [node.dx, node.dy] = [-node.x * gravity, -node.y * gravity];
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) push(nodes[i], nodes[j], (distance) => (k * k) / distance);
    }
    for (const edge of edges) push(edge.a, edge.b, (distance) => -((distance * distance) / k) * Math.min(2, 0.5 + Math.log2(1 + edge.events) / 2));
    for (const node of nodes) {
      const length = Math.hypot(node.dx, node.dy) || 1;
      const step = Math.min(length, temperature);
      node.x += (node.dx / length) * step;
      node.y += (node.dy / length) * step;
    }
    temperature = Math.max(1, temperature * 0.98);
  }
  fit(nodes);
}

/** Scales (each axis on its own) and moves the nodes to fill the picture, leaving room for the names. */
function fit(nodes) {
  const [margin, top] = [90, 40];
  const xs = nodes.map((node) => node.x);
  const ys = nodes.map((node) => node.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scaleX = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), 3);
  const scaleY = Math.min((height - 2 * top) / Math.max(maxY - minY, 1), 3);
  for (const node of nodes) {
    node.x = width / 2 + (node.x - (minX + maxX) / 2) * scaleX;
    node.y = height / 2 + (node.y - (minY + maxY) / 2) * scaleY;
  }
}

/** Moves `a` and `b` apart by `force(distance)` (together when negative). */
function push(a, b, force) {
  const [dx, dy] = [a.x - b.x, a.y - b.y];
  const distance = Math.max(Math.hypot(dx, dy), 0.01);
  const strength = force(distance) / distance;
  a.dx += dx * strength;
  a.dy += dy * strength;
  b.dx -= dx * strength;
  b.dy -= dy * strength;
}

function drawing(nodes, edges) {
  return el('figure', { class: 'chart network' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Network of actors' },
      svg('g', { class: 'edges' }, edges.map((edge) => svg('line', {
        x1: edge.a.x, y1: edge.a.y, x2: edge.b.x, y2: edge.b.y, class: `edge ${toneClass(edge.goldstein)}`,
        'stroke-width': Math.min(12, 1 + 2 * Math.log2(edge.events)),
      }, svg('title', {}, `${edge.a.name} – ${edge.b.name}: ${edge.events} events, Goldstein sum ${edge.goldstein.toFixed(1)}`)))),
      svg('g', { class: 'nodes' }, nodes.map((node) => svg('a', { href: entityHref(node.key), class: 'node' },
        svg('circle', { cx: node.x, cy: node.y, r: Math.min(18, 5 + 2 * Math.sqrt(node.degree)) }),
        svg('text', { x: node.x, y: node.y - Math.min(18, 5 + 2 * Math.sqrt(node.degree)) - 4, 'text-anchor': 'middle' }, node.name),
        svg('title', {}, `${node.name}: ${node.degree} events`))))));
}
