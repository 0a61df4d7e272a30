import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { includesVia } from '../../../src/lib/text/find-text';

describe('includesVia', () => {
  it('answers as includes does, wherever the needle and its anchor stand', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'h', 'f', '.', '/', 'p', ':', 'M', ' '),
      maxLength: 80,
    });
    fc.assert(
      fc.property(
        text,
        fc.string({ unit: fc.constantFrom('a', 'h', 'f', '.', '/', 'p'), maxLength: 6 }),
        (haystack, prefix) => {
          const needle = `${prefix}/pa`;
          expect(includesVia(haystack, needle, '/')).toBe(haystack.includes(needle));
          expect(includesVia(haystack + needle, needle, '/p')).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a needle at the very start and rejects one that only starts to appear', () => {
    expect(includesVia('huggingface.co/papers/2405.1', 'huggingface.co/papers/', '/paper')).toBe(true);
    expect(includesVia('see ingface.co/papers/', 'huggingface.co/papers/', '/paper')).toBe(false);
    expect(includesVia('Markdown Content', 'Markdown Content:', ':')).toBe(false);
  });

  it('refuses an anchor that is not part of the needle', () => {
    expect(() => includesVia('text', 'needle', ':')).toThrow(/not part/);
  });
});
