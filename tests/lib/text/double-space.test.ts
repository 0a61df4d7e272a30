import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasDoubleSpace, simdSearch } from '../../../src/lib/text/double-space';
import { collapseSpaces } from '../../../src/lib/text/normalize';

// Words of letters, Latin-1 and wider characters (whose UTF-8 bytes are never 0x20) and characters
// whose UTF-16 low byte is 0x20 (U+0120, U+2020), which a byte-wise copy would confuse; mostly one
// space between them, now and then two or three, so that long texts without a pair are common.
const word = fc
  .array(fc.constantFrom('a', 'Z', '·', 'é', '\u0120', '\u2020', '\u3000', '😀', '\t'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((characters) => characters.join(''));
const gap = fc.oneof(
  { weight: 300, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constant('  ') },
  { weight: 1, arbitrary: fc.constant('   ') },
);
const text = (maxWords: number) =>
  fc
    .tuple(fc.constantFrom('', ' '), fc.array(fc.tuple(word, gap), { maxLength: maxWords, size: 'max' }))
    .map(([start, words]) => start + words.map(([letters, space]) => letters + space).join(''));

describe('hasDoubleSpace', () => {
  it('runs the WebAssembly SIMD search on this Node', () => {
    expect(simdSearch).toBe(true);
  });

  it('tells what `includes("  ")` tells, for short and long texts', () => {
    fc.assert(
      fc.property(text(150), (value) => {
        expect(hasDoubleSpace(value)).toBe(value.includes('  '));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a lone pair at every position of a long text, and none where spaces stand apart', () => {
    const base = 'x '.repeat(150);
    expect(hasDoubleSpace(base)).toBe(false);
    for (let at = 0; at < base.length; at++) {
      const withPair = `${base.slice(0, at)}  ${base.slice(at)}`.replace(/ {3,}/g, '  ');
      expect(hasDoubleSpace(withPair)).toBe(withPair.includes('  '));
    }
  });

  it('reads texts too long for its memory with the native search', () => {
    const long = 'word '.repeat(20_000);
    expect(hasDoubleSpace(long)).toBe(false);
    expect(hasDoubleSpace(`${long} `)).toBe(true);
  });
});

/** `collapseSpaces` as it read before the SIMD search: the native search for the pair. */
function collapseSpacesNatively(line: string): string {
  return line.includes('  ') || line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32
    ? line.replace(/ {2,}/g, ' ').trim()
    : line;
}

describe('collapseSpaces', () => {
  it('gives what the native search gives', () => {
    fc.assert(
      fc.property(text(100), (value) => {
        expect(collapseSpaces(value)).toBe(collapseSpacesNatively(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the long lines of a real Markdown copy as the native search does', () => {
    const page = readFileSync('tests/fixtures/real/search-firecrawl-markdown.md', 'utf8');
    const lines = page.split('\n').filter((line) => line.length >= 128);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(collapseSpaces(line)).toBe(collapseSpacesNatively(line));
  });
});
