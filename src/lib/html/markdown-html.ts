/** Markdown we write ourselves (topic descriptions) turned into HTML that is safe to inject. */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Built once: the processor is reused for every description. Raw HTML in the Markdown is dropped
// by remark-rehype, and rehype-sanitize's default (GitHub) schema removes unsafe URLs and attributes.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/**
 * Renders Markdown to sanitized HTML: raw HTML is not passed through, `javascript:`/`data:` links lose
 * their href, and only the rehype-sanitize default schema's elements and attributes remain.
 */
export function markdownToSafeHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}
