import { api, articleHref, el, shown } from './dom.js';

/** `#/` and `#/?q=WORDS`: the latest articles, or those whose title or body hold the words. */
export async function homePage(params) {
  const words = params.get('q') ?? '';
  const articles = await api(words ? `/articles?q=${encodeURIComponent(words)}&limit=50` : '/articles?limit=50');
  const search = el('input', { type: 'search', id: 'search', name: 'q', value: words, placeholder: 'missile launch' });
  const form = el('form', { class: 'search', role: 'search' },
    el('label', { for: 'search' }, 'Search the articles'), search, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = search.value.trim();
    location.hash = query ? `#/?q=${encodeURIComponent(query)}` : '#/';
  });
  const heading = words ? `Articles matching “${words}”` : 'Latest articles';
  return [
    el('h1', {}, heading), form,
    articles.length
      ? el('ol', { class: 'articles' }, articles.map((article) => el('li', {},
        el('a', { href: articleHref(article.hash) }, shown(article.title ?? article.source)),
        el('span', { class: 'meta' }, ` ${shown(article.published)} · ${article.source}`))))
      : el('p', { class: 'note' }, words ? 'No article holds these words.' : 'The store holds no article yet.'),
  ];
}
