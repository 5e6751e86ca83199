import { api, el, errorNote } from './dom.js';
import { articleView } from './article.js';
import { modelFromExtraction } from './article-model.js';

/** `#/paste`: a report pasted in, read by `POST /extract`, and shown as an article. */
export async function pastePage() {
  const text = el('textarea', { id: 'report', name: 'report', rows: 12, required: true, placeholder: 'Paste a news report (text or HTML)…' });
  const date = el('input', { id: 'date', name: 'date', type: 'date' });
  const button = el('button', { type: 'submit' }, 'Read it');
  const status = el('p', { class: 'note', role: 'status' });
  const result = el('section', { class: 'result', 'aria-label': 'What was read' });
  const form = el('form', { class: 'paste' },
    el('label', { for: 'report' }, 'Report'), text,
    el('label', { for: 'date' }, 'Date of the report (for “on Wednesday”), if it states none'), date, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Reading…';
    result.replaceChildren();
    try {
      const query = date.value ? `?date=${encodeURIComponent(date.value)}` : '';
      const output = await api(`/extract${query}`, { method: 'POST', body: text.value, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      result.replaceChildren(...articleView(modelFromExtraction(output)));
      status.textContent = `Read: ${output.entities.length} entities, ${output.events.length} events, ${output.quotes.length} quotes.`;
    } catch (error) {
      status.textContent = '';
      result.replaceChildren(errorNote(error));
    } finally {
      button.disabled = false;
    }
  });
  return [el('h1', {}, 'Paste a report'), form, status, result];
}
