import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ajvSchemaOf, validateDay, validatePaper } from '../../src/lib/fast-safe-parse';
import { daySchema, paperSchema, type Paper } from '../../src/lib/schema';

const ASTRAL = '\u{1d4d0}'; // one code point, two UTF-16 units

const ABSENT = Symbol('absent');

// Each field as one of its usual values, often, or an unusual one: zod rejects it (several where a
// JSON Schema validator reads the rule differently: lengths in code points, non-finite numbers),
// or accepts it and changes it (keys out of the schema's order, unknown keys).
/** Each field's usual values and unusual ones. */
type FieldValues = Record<string, { usual: unknown[]; unusual: unknown[] }>;

const paperValues: FieldValues = {
  id: { usual: ['a-paper-1234abcd'], unusual: ['Not A Slug', '', 'a\nb'] },
  title: {
    usual: ['A title', 'x'.repeat(300), ASTRAL.repeat(150)],
    unusual: ['', 'x'.repeat(301), ASTRAL.repeat(151), 42],
  },
  abstract: { usual: ['Some words.', ''], unusual: [null] },
  dates: {
    usual: [['2025-05-30'], ['2025-05-30', '2025-06-02'], ['2024-02-29']],
    unusual: [[], ['2025-02-30'], [20250530]],
  },
  links: {
    usual: [[], [{ url: 'https://github.com/a/b', kind: 'code' }]],
    unusual: [
      [{ kind: 'code', url: 'https://github.com/a/b' }],
      [{ url: 'https://github.com/a/b', kind: 'code', extra: 1 }],
      [{ url: 'ftp://x', kind: 'code' }],
      [{ url: 'https://x.org/a b', kind: 'other' }],
      [{ url: 'https://x.org', kind: 'homepage' }],
    ],
  },
  source: {
    usual: [{ file: 'content/daily/2025-05-30.txt', line: 7 }],
    unusual: [
      { line: 7, file: 'a.txt' },
      { file: '', line: 0 },
      { file: 'a.txt', line: Infinity },
      { file: 'a.txt', line: 2 ** 53 },
    ],
  },
  arxivId: { usual: ['2405.12345', undefined], unusual: ['2405.1'] },
  authors: { usual: [['Ada Lovelace'], []], unusual: [[''], ['Ada', 7]] },
  authorCount: { usual: [3], unusual: [0, 2.5, NaN] },
  upvotes: { usual: [0, 12, -0], unusual: [-1, Infinity] },
  organization: { usual: ['Hugging Face', ASTRAL], unusual: [''] },
  publishedAt: { usual: ['2024-10-07', undefined], unusual: ['2024-13-01'] },
  github: {
    usual: [
      { url: 'https://github.com/a/b', stars: 11300 },
      { url: 'https://github.com/a/b', stars: undefined },
    ],
    unusual: [{ stars: 5, url: 'https://github.com/a/b' }, { url: 'https://gitlab.com/a/b' }],
  },
  comments: { usual: [0, 4], unusual: [-2] },
  summary: { usual: ['One sentence.'], unusual: [''] },
  unknownKey: { usual: [], unusual: ['dropped by zod'] },
};
const dayValues: FieldValues = {
  date: { usual: ['2025-05-30'], unusual: ['2025-5-30', '2025-02-30'] },
  files: { usual: [['content/daily/2025-05-30.txt'], ['a.md', 'b.txt']], unusual: [[], [''], 'a.txt'] },
  paperIds: { usual: [[], ['a-paper-1234abcd', 'b-5678abcd']], unusual: [['Not A Slug']] },
  sourceUrl: { usual: ['https://huggingface.co/papers?date=2025-05-30', undefined], unusual: [7] },
  scrapedAt: { usual: ['2025-05-30T08:00:00Z', undefined], unusual: [null] },
  unknownKey: { usual: [], unusual: ['dropped by zod'] },
};

/** Records with a value for each field (or none), the fields in the schema's order or shuffled. */
function recordsOf(fieldValues: FieldValues): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(fieldValues);
  const values = fields.map((field) => {
    const { usual, unusual } = fieldValues[field]!;
    return fc.oneof(
      ...(usual.length ? [{ weight: 30, arbitrary: fc.constantFrom(...usual) }] : []),
      { weight: 1, arbitrary: fc.constantFrom(...unusual) },
      { weight: 3, arbitrary: fc.constant(ABSENT) },
    );
  });
  const orders = fc.oneof(fc.constant(fields), fc.shuffledSubarray(fields, { minLength: fields.length }));
  return fc.tuple(fc.tuple(...values), orders).map(([chosen, order]) => {
    const record: Record<string, unknown> = {};
    for (const field of order) {
      const value = chosen[fields.indexOf(field)];
      if (value !== ABSENT) record[field] = value;
    }
    return record;
  });
}

/** A result as JSON with keys in their order (zod builds its output in the schema's order), or the issues. */
function outcome(result: z.ZodSafeParseResult<unknown>) {
  return result.success
    ? { data: result.data, json: JSON.stringify(result.data) }
    : { issues: result.error.issues.map((issue) => [issue.path.join('.'), issue.message]) };
}

/** Checks `fast` against `schema.safeParse` on generated records; returns how many were valid. */
function checkAgainstZod<T>(
  schema: z.ZodType<T>,
  fast: (value: T) => z.ZodSafeParseResult<T>,
  fieldValues: FieldValues,
): number {
  let valid = 0;
  fc.assert(
    fc.property(recordsOf(fieldValues), (record) => {
      const expected = schema.safeParse(record);
      if (expected.success) valid++;
      expect(outcome(fast(record as T))).toEqual(outcome(expected));
    }),
    { numRuns: 3000 },
  );
  return valid;
}

describe('validatePaper', () => {
  it('gives every record the result zod gives it: the same output, key order and issues', () => {
    // Enough valid records that the fast path is what is being checked.
    expect(checkAgainstZod(paperSchema, validatePaper, paperValues)).toBeGreaterThan(300);
  });

  it('returns a valid record itself, without zod copying it', () => {
    const record: Paper = {
      id: 'a-paper-1234abcd',
      title: 'A title',
      abstract: '',
      dates: ['2025-05-30'],
      links: [{ url: 'https://github.com/a/b', kind: 'code' }],
      source: { file: 'a.txt', line: 1 },
      arxivId: '2405.12345',
      upvotes: 3,
    };
    const result = validatePaper(record);
    expect(result.success && result.data).toBe(record);
  });

  it('counts string lengths in UTF-16 units, as zod does, not in code points', () => {
    const title = (ajvSchemaOf(paperSchema) as { properties: { title: object } }).properties.title;
    expect(title).toEqual({ type: 'string', utf16Length: { min: 1, max: 300 } });
  });
});

describe('validateDay', () => {
  it('gives every day the result zod gives it: the same output, key order and issues', () => {
    expect(checkAgainstZod(daySchema, validateDay, dayValues)).toBeGreaterThan(300);
  });
});
