import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyUrl,
  extractLinks,
  findUrls,
  simpleHostAndPath,
  trimUrl,
  unwrapLatexUrls,
} from '../../src/lib/links';

/** A piece of a generated URL: a character URLs may hold (or that the URL parser rewrites), or one of `extra`. */
const urlPiece = (...extra: string[]) =>
  fc.constantFrom(...'aZ09-._~/?#:@%!$&()*+,;=[]\\ '.split(''), ...extra);

describe('trimUrl', () => {
  it.each([
    ['https://github.com/AlanAnsell/bistil.', 'https://github.com/AlanAnsell/bistil'],
    ['https://huggingface.co/spaces/cis-lmu/Mexa,', 'https://huggingface.co/spaces/cis-lmu/Mexa'],
    ['https://example.org/a).', 'https://example.org/a'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://example.org/x];', 'https://example.org/x'],
  ])('%s -> %s', (raw, url) => expect(trimUrl(raw)).toBe(url));

  it('follows the trimming rule on any ending', () => {
    /** The rule written plainly: drop trailing punctuation, then an unbalanced `)` or `]`, until nothing changes. */
    const reference = (raw: string): string => {
      const unbalanced = (url: string, open: string, close: string) =>
        url.endsWith(close) && url.split(open).length < url.split(close).length;
      let url = raw;
      for (;;) {
        const before = url;
        url = url.replace(/[.,;:!?*'"]+$/, '');
        if (unbalanced(url, '(', ')')) url = url.slice(0, -1);
        if (unbalanced(url, '[', ']')) url = url.slice(0, -1);
        if (url === before) return url;
      }
    };
    const piece = urlPiece('.', ',', ';', ':', '!', '?', '*', "'", '"', ')', ']', '(', '[', '..', ').');
    fc.assert(
      fc.property(fc.string({ unit: piece, maxLength: 30 }), (tail) => {
        const raw = `https://example.org/${tail}`;
        expect(trimUrl(raw)).toBe(reference(raw));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('findUrls', () => {
  it('finds URLs glued to words and inside parentheses', () => {
    expect(findUrls('see OIEhttps://github.com/a/b. and (https://x.org/y)').map((u) => u.url)).toEqual([
      'https://github.com/a/b',
      'https://x.org/y',
    ]);
  });
  it('gives spans that index the text', () => {
    const text = 'Code: https://github.com/a/b.';
    const [span] = findUrls(text);
    expect(text.slice(span!.start, span!.end)).toBe('https://github.com/a/b');
  });
  it('ignores schemes other than http(s) and hostless URLs', () => {
    expect(findUrls('javascript:alert(1) data:text/html,x https:// ftp://a.b/c')).toEqual([]);
  });
});

describe('unwrapLatexUrls', () => {
  it('unwraps \\url{} and keeps math', () => {
    expect(unwrapLatexUrls('at \\url{https://a.org/b}. $O(n^2)$')).toBe('at https://a.org/b. $O(n^2)$');
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://github.com/a/b', 'code'],
    ['https://gitlab.com/a/b', 'code'],
    ['https://huggingface.co/datasets/a/b', 'dataset'],
    ['https://huggingface.co/spaces/a/b', 'demo'],
    ['https://huggingface.co/meta-llama/Llama-2-7b', 'model'],
    ['https://huggingface.co/papers/2405.12345', 'paper'],
    ['https://www.youtube.com/watch?v=x', 'video'],
    ['https://youtu.be/x', 'video'],
    ['https://arxiv.org/abs/2405.12345', 'paper'],
    ['https://someone.github.io/project/', 'project'],
    ['https://example.org/', 'other'],
    ['https://github.com.example.org/a/b', 'other'],
    ['https://github.company.com/a', 'other'],
  ])('%s is %s', (url, kind) => expect(classifyUrl(url)).toBe(kind));

  it('calls every https://github.com/ URL code, as the URL parser reads its host', () => {
    const piece = urlPiece('ü', '..', '/../', '%2e', 'evil.org');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const url = `https://github.com/${pieces.join('')}`;
        expect(new URL(url).hostname).toBe('github.com');
        expect(classifyUrl(url)).toBe('code');
      }),
      { numRuns: 2000 },
    );
  });

  /** The kind of a Hugging Face or GitHub Pages URL, from the host and path the URL parser reads. */
  function parsedKind(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'other';
    }
    const host = parsed.hostname.replace(/^www\./, '');
    if (host.endsWith('.github.io')) return 'project';
    if (host !== 'huggingface.co') return 'other';
    const [first, ...rest] = parsed.pathname.split('/').filter(Boolean);
    if (first === 'datasets') return 'dataset';
    if (first === 'spaces') return 'demo';
    if (first === 'papers') return 'paper';
    return rest.length > 0 && !['docs', 'blog', 'collections', 'organizations'].includes(first!)
      ? 'model'
      : 'other';
  }

  it('reads Hugging Face paths as the URL parser does', () => {
    const piece = urlPiece(
      'datasets',
      'spaces',
      'papers',
      'blog',
      '/',
      '..',
      '/../',
      '/./',
      '%2e',
      '\\',
      'ü',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const url = `https://huggingface.co/${pieces.join('')}`;
        expect(classifyUrl(url)).toBe(parsedKind(url));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads GitHub Pages hosts as the URL parser does', () => {
    const label = fc.array(fc.constantFrom('a', 'z', '0', '9', '-', 'X', '_', '%41', 'xn--', 'ü'), {
      minLength: 1,
      maxLength: 6,
    });
    const end = fc.constantFrom('', '/', '/p/', '?q', '#f', ':8080/', '.', '.evil.org/');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), end, (labels, tail) => {
        const url = `https://${labels.map((l) => l.join('')).join('.')}.github.io${tail}`;
        expect(classifyUrl(url)).toBe(parsedKind(url));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('simpleHostAndPath', () => {
  /** What the WHATWG URL parser makes of `url`, the reference the fast reading must match. */
  function reference(url: string) {
    try {
      const parsed = new URL(url);
      return { host: parsed.hostname.toLowerCase(), path: parsed.pathname };
    } catch {
      return 'invalid';
    }
  }

  it.each([
    'https://GitHub.com/a/b',
    'https://github.com',
    'https://github.com?tab=x',
    'https://huggingface.co/datasets/a/b#c/d',
    'https://x.org/a/.b',
    'https://abc/x',
  ])('reads %s as the URL parser does', (url) => {
    expect(simpleHostAndPath(url)).toEqual(reference(url));
  });

  it.each([
    'http://1.2.3.4/x',
    'http://example.0x1f/',
    'https://a.com:80/x',
    'https://u@a.com/',
    'https://a.com/%2e%2e/x',
    'https://x.org/a/../b',
    'https://x.org/a/.',
    'https://a..b/',
    'https://xn--nxasmq6b.com/',
    'https://a.com/x\\y',
  ])('leaves %s to the URL parser', (url) => {
    expect(simpleHostAndPath(url)).toBeUndefined();
  });

  it('agrees with the URL parser on every URL it reads', () => {
    const piece = urlPiece(...'xn--0x1.2.3..'.split(''), 'github.com', 'xn--', '0x', '..', '/./', '%2e', 'ü');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.boolean(), (pieces, secure) => {
        const url = `${secure ? 'https' : 'http'}://${pieces.join('')}`;
        const simple = simpleHostAndPath(url);
        if (simple) expect(simple).toEqual(reference(url));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the URLs of real scrapes without the URL parser', () => {
    const urls = findUrls(
      'Code: https://github.com/AlanAnsell/bistil. Demo https://huggingface.co/spaces/cis-lmu/Mexa, ' +
        'page https://nlp.stanford.edu/projects/x/ and https://arxiv.org/abs/2405.12345v2.',
    ).map(({ url }) => url);
    expect(urls.map((url) => simpleHostAndPath(url) !== undefined)).toEqual([true, true, true, true]);
  });
});

describe('extractLinks', () => {
  it('lists each URL once in order of first appearance', () => {
    expect(extractLinks('https://github.com/a/b, then https://x.org/ and https://github.com/a/b.')).toEqual([
      { url: 'https://github.com/a/b', kind: 'code' },
      { url: 'https://x.org/', kind: 'other' },
    ]);
  });
});
