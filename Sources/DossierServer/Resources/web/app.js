import { el, errorNote } from './dom.js';
import { homePage } from './home.js';
import { articlePage } from './article.js';
import { eventsPage } from './events.js';
import { entityPage } from './entity.js';
import { networkPage } from './network.js';
import { mapPage } from './map.js';
import { pastePage } from './paste.js';

/** The views by hash route: `#/article/ID` calls `articlePage(params, 'ID')`; each answers the view's nodes. */
const routes = [
  [/^\/$/, homePage], [/^\/article\/([^/]+)$/, articlePage], [/^\/events$/, eventsPage],
  [/^\/entity\/([^/]+)$/, entityPage], [/^\/network$/, networkPage], [/^\/map$/, mapPage], [/^\/paste$/, pastePage],
];

const view = document.getElementById('view');
let shownRoute = 0;

/** Shows the view the hash names; a slower earlier view that answers late is dropped. */
async function route() {
  const current = ++shownRoute;
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const found = routes.map(([pattern, page]) => [pattern.exec(path), page]).find(([match]) => match);
  markCurrentLink(path);
  view.setAttribute('aria-busy', 'true');
  let nodes;
  try {
    nodes = found
      ? await found[1](new URLSearchParams(query ?? ''), ...found[0].slice(1).map(decodeURIComponent))
      : [el('h1', {}, 'Not found'), el('p', {}, 'No view has this address. '), el('a', { href: '#/' }, 'Latest articles')];
  } catch (error) {
    nodes = [errorNote(error)];
  }
  if (current !== shownRoute) return;
  view.replaceChildren(...nodes);
  view.removeAttribute('aria-busy');
  document.title = `${view.querySelector('h1')?.textContent ?? 'Dossier'} · Dossier`;
}

/** Marks the navigation link of the view shown. */
function markCurrentLink(path) {
  for (const link of document.querySelectorAll('header nav a')) {
    const target = link.getAttribute('href').slice(1);
    if (target === path || (target !== '/' && path.startsWith(target))) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

window.addEventListener('hashchange', () => route().then(() => view.focus({ preventScroll: true })));
route();
