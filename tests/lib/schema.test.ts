import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperSchema, paperSchemaFor } from '../../src/lib/schema';

// Each field as a valid value or one of the invalid values zod must reject, so the property
// covers records the whole schema accepts and ones it refuses, for every field set.
const fieldValues = {
  id: fc.constantFrom('a-paper-1234abcd', 'Not A Slug', ''),
  title: fc.constantFrom('A title', '', 'x'.repeat(301), 42),
  abstract: fc.constantFrom('Some words.', '', null),
  dates: fc.constantFrom(['2025-05-30'], ['2025-05-30', '2025-06-02'], [], ['2025-02-30']),
  links: fc.constantFrom(
    [],
    [{ url: 'https://github.com/a/b', kind: 'code' }],
    [{ url: 'ftp://x', kind: 'code' }],
  ),
  source: fc.constantFrom({ file: 'content/daily/2025-05-30.txt', line: 7 }, { file: '', line: 0 }),
  arxivId: fc.constantFrom('2405.12345', '2405.1', undefined),
  authors: fc.constantFrom(['Ada Lovelace'], [''], []),
  authorCount: fc.constantFrom(3, 0, 2.5),
  upvotes: fc.constantFrom(0, 12, -1),
  organization: fc.constantFrom('Hugging Face', ''),
  publishedAt: fc.constantFrom('2024-10-07', '2024-13-01'),
  github: fc.constantFrom({ url: 'https://github.com/a/b', stars: 11300 }, { url: 'https://gitlab.com/a/b' }),
  comments: fc.constantFrom(0, 4, -2),
  summary: fc.constantFrom('One sentence.', ''),
  unknownKey: fc.constantFrom('dropped by zod'),
};

/** Records with any subset of the fields (required ones may be missing too). */
const records = fc.record(fieldValues, { requiredKeys: [] });

function outcome(result: ReturnType<typeof paperSchema.safeParse>) {
  return result.success
    ? { data: result.data, keys: Object.keys(result.data) }
    : { issues: result.error.issues.map((issue) => [issue.path.join('.'), issue.message]) };
}

describe('paperSchemaFor', () => {
  it('checks every record as the whole paper schema does, with the same output and issues', () => {
    fc.assert(
      fc.property(records, (record) => {
        expect(outcome(paperSchemaFor(record).safeParse(record))).toEqual(
          outcome(paperSchema.safeParse(record)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('narrows a plain record to the required fields, and a rich one to the fields it has', () => {
    const plain = {
      id: 'a-paper-1234abcd',
      title: 'A title',
      abstract: '',
      dates: ['2025-05-30'],
      links: [],
      source: { file: 'a.txt', line: 1 },
    };
    const rich = { ...plain, arxivId: '2405.12345', upvotes: 3 };
    expect(paperSchemaFor(plain)).not.toBe(paperSchema);
    expect(paperSchemaFor(rich)).not.toBe(paperSchemaFor(plain));
    expect(paperSchemaFor({ ...rich })).toBe(paperSchemaFor(rich));
    expect(paperSchemaFor({ ...plain, extra: 1 })).toBe(paperSchema);
  });
});
