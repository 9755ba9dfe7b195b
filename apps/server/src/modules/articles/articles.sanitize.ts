import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies are HTML written in the console's editor. They are cleaned on every save, so what is
 * stored, and what a reader's browser gets, holds only this allow-list: no script, no event handler,
 * no style, no javascript: URL, no frame.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'ul', 'ol', 'li',
    'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'sup', 'sub', 'code', 'pre', 'span',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};
options.allowedAttributes = { ...(options.allowedAttributes as object), a: ['href', 'title', 'rel', 'target'] };

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

const BLOCK = /<\/(p|h2|h3|h4|li|blockquote|tr|pre)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** Plain text of a (sanitised) body: one line per block, entities decoded, for search, snippets and diffs. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(BLOCK, (m) => `${m}\n`);
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain paragraphs (from a case's text) as body HTML. */
export function paragraphs(texts: readonly string[]): string {
  return texts.flatMap((t) => t.split(/\n+/)).filter((t) => t.trim()).map((t) => `<p>${escapeHtml(t.trim())}</p>`).join('');
}
