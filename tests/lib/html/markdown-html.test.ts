import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../../src/lib/html/markdown-html';

describe('markdownToSafeHtml', () => {
  it('renders ordinary Markdown', () => {
    expect(
      markdownToSafeHtml(
        'Models for *finance* and **code**, see [docs](https://example.org/a).\n\n- one\n- two',
      ),
    ).toBe(
      '<p>Models for <em>finance</em> and <strong>code</strong>, see <a href="https://example.org/a">docs</a>.</p>\n' +
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it.each([
    ['a script block', '<script>alert(1)</script>\n\nText'],
    ['inline raw HTML with a handler', 'Text <b onclick="alert(1)">bold</b> <img src=x onerror=alert(1)>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a raw javascript: anchor', '<a href="javascript:alert(1)">x</a>'],
    ['a data: image', '![x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['a vbscript: autolink', '<vbscript:msgbox(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style attribute', '<p style="position:fixed">x</p>'],
  ])('neutralises %s', (_, markdown) => {
    const html = markdownToSafeHtml(markdown);
    // Dangerous schemes may remain as visible text, never as a URL.
    expect(html).not.toMatch(
      /<script|<iframe|<img[^>]*onerror|onclick|style=|(href|src)="(javascript|vbscript|data):/i,
    );
    for (const el of parse(html).querySelectorAll('*')) {
      for (const name of Object.keys(el.attributes)) expect(name.startsWith('on'), name).toBe(false);
      const href = el.getAttribute('href') ?? el.getAttribute('src');
      if (href !== undefined) expect(href).toMatch(/^(https?:|mailto:|#|\/)/);
    }
  });

  it('renders the same text to the same bytes', () => {
    const md = 'Same *input*.\n\n> quote';
    expect(markdownToSafeHtml(md)).toBe(markdownToSafeHtml(md));
  });
});
