import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { abstractToHtml } from '../../../src/lib/html/abstract-html';
import { loadContent } from '../../../src/lib/content';
import { loadRealPapers } from '../../fixtures/real/paperexplorer';

/** Every element of the rendered HTML, parsed with a real HTML parser. */
function elements(html: string) {
  return parse(html).querySelectorAll('*');
}

describe('abstractToHtml', () => {
  it('makes one paragraph per blank-line-separated block, lines inside joined', () => {
    expect(abstractToHtml('First line\nsame paragraph.\n\nSecond.\n \n\nThird.')).toBe(
      '<p>First line same paragraph.</p><p>Second.</p><p>Third.</p>',
    );
    expect(abstractToHtml('')).toBe('');
  });

  it('links every http(s) URL in place, without the sentence punctuation', () => {
    const html = abstractToHtml(
      'Code: https://github.com/a/b. Data (https://huggingface.co/datasets/x/y), done.',
    );
    expect(html).toBe(
      '<p>Code: <a href="https://github.com/a/b" rel="noopener nofollow">https://github.com/a/b</a>. ' +
        'Data (<a href="https://huggingface.co/datasets/x/y" rel="noopener nofollow">https://huggingface.co/datasets/x/y</a>), done.</p>',
    );
  });

  it('keeps Markdown and LaTeX as written', () => {
    const text =
      'We bound $O(n^2)$ for x_i and **bold** and [x](https://a.org) and `code` and # not a heading';
    const root = parse(abstractToHtml(text));
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll('strong, em, code, h1').length).toBe(0);
  });

  it.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    'javascript:alert(1)',
    '[x](javascript:alert(1))',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '<a href="javascript:alert(1)">click</a>',
    'https://x.org/"onmouseover="alert(1)',
    'https://x.org/<script>alert(1)</script>',
    '&lt;script&gt; &amp; &#x3C;',
  ])('shows hostile text literally: %s', (hostile) => {
    const html = abstractToHtml(`Before ${hostile} after.\n\n${hostile}`);
    const root = parse(html);
    expect(root.textContent).toBe(`Before ${hostile} after.${hostile}`);
    for (const el of elements(html)) {
      expect(['p', 'a']).toContain(el.tagName.toLowerCase());
      if (el.tagName.toLowerCase() === 'a') {
        expect(Object.keys(el.attributes).sort()).toEqual(['href', 'rel']);
        expect(el.getAttribute('href')).toMatch(/^https?:\/\/[^\s"'<>]+$/);
        expect(el.getAttribute('rel')).toBe('noopener nofollow');
      } else {
        expect(Object.keys(el.attributes)).toEqual([]);
      }
    }
    // Hostile markup survives only as escaped text: no tag it names is ever opened.
    expect(html).not.toMatch(/<(script|img|svg)\b|<a [^>]*href="(javascript|data):/i);
  });

  it('renders every real abstract so that its text survives and only http(s) links appear', () => {
    const papers = [...loadContent('content').papers, ...loadRealPapers()];
    for (const p of papers) {
      const html = abstractToHtml(p.abstract);
      const root = parse(html);
      expect(root.textContent.replace(/\s+/g, ''), p.id).toBe(p.abstract.replace(/\s+/g, ''));
      for (const a of root.querySelectorAll('a'))
        expect(a.getAttribute('href'), p.id).toMatch(/^https?:\/\//);
    }
  });
});
