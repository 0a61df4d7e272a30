/**
 * A scraped abstract as HTML: its paragraphs, with its URLs as links and everything else literal
 * text. The abstract is not Markdown (`x_i`, `**`, `$O(n^2)$` are shown as written) and never HTML.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { findUrls } from '../links';

const SAFE_URL = /^https?:\/\//i;

/**
 * Renders an abstract as `<p>` paragraphs (split on blank lines, line breaks inside one kept as spaces),
 * every `http(s)` URL found by `findUrls` a `<a rel="noopener nofollow">` link. Built as a hast
 * tree and serialized by hast-util-to-html, which escapes all text and attribute values.
 */
export function abstractToHtml(abstract: string): string {
  const paragraphs = abstract
    .split(/\r?\n[ \t]*\r?\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const root: Root = {
    type: 'root',
    children: paragraphs.map((text): Element => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: linkify(text),
    })),
  };
  return toHtml(root);
}

/** Text and link nodes of one paragraph. */
function linkify(text: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  let at = 0;
  for (const { url, start, end } of findUrls(text)) {
    if (!SAFE_URL.test(url)) continue;
    if (start > at) nodes.push({ type: 'text', value: text.slice(at, start) });
    nodes.push({
      type: 'element',
      tagName: 'a',
      properties: { href: url, rel: ['noopener', 'nofollow'] },
      children: [{ type: 'text', value: url }],
    });
    at = end;
  }
  if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) });
  return nodes;
}
