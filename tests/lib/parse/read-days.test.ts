import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDayBytes } from '../../../src/lib/parse/day-file';
import { readDays } from '../../../src/lib/parse/read-days';
import { titleKey } from '../../../src/lib/text/normalize';

const SEED = readFileSync(new URL('../../fixtures/seed/2025-05-30.txt', import.meta.url), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'read-days-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Day files of every kind `parseDayBytes` tells apart, and enough ASCII text to fill batches. */
const files: Record<string, string | Buffer> = {
  '2025-05-30.txt': SEED,
  '2025-05-31.txt': `${SEED.replace('May 30', 'May 31')}\n\nCafé Models\n\nWe study cafés in depth. Results improve.\n`,
  '2025-06-01.txt': '',
  '2025-06-02.txt': Buffer.from([0x4d, 0x61, 0x79, 0x00, 0x31]),
  '2025-06-03.txt': Buffer.concat([
    Buffer.from('Jun 3\n\nTitle\n\nAbstract \xff'),
    Buffer.from([0xff, 0xfe]),
  ]),
  '2025-06-04.txt': SEED.replace('May 30', 'Jun 4'),
};
// Large files (batched) among small ones (read one by one), past one batch in all.
for (let day = 5; day <= 30; day++) {
  const date = `2025-06-${String(day).padStart(2, '0')}`;
  files[`${date}.txt`] = SEED.replace('May 30', `Jun ${day}`).repeat(day % 3 === 0 ? 8 : 1);
}
for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
const names = Object.keys(files).sort();

describe('readDays', () => {
  it('gives, in order, exactly the days parseDayBytes gives file by file', () => {
    const expected = names.map((name) => parseDayBytes(readFileSync(join(root, name)), name));
    const days = readDays(names, root);
    expect(days).toEqual(expected);
    expect(days.map((day) => day.file)).toEqual(names);
    expect(days.reduce((sum, day) => sum + day.papers.length, 0)).toBeGreaterThan(1000);
  });

  it('reports empty, binary and non-UTF-8 files as parseDayBytes does', () => {
    const byFile = new Map(readDays(names, root).map((day) => [day.file, day]));
    expect(byFile.get('2025-06-01.txt')!.problems[0]!.message).toMatch(/file is empty/);
    expect(byFile.get('2025-06-02.txt')!.problems[0]!.message).toMatch(/NUL byte/);
    expect(byFile.get('2025-06-03.txt')!.problems[0]!.message).toMatch(/not valid UTF-8/);
    expect(byFile.get('2025-05-31.txt')!.papers.at(-1)!.title).toBe('Café Models');
  });

  it('gives each paper its title key, the one merging matches papers on', () => {
    const days = readDays(names, root);
    for (const day of days) expect(day.keys ?? []).toEqual(day.papers.map((paper) => titleKey(paper.title)));
    expect(days.find((day) => day.file === '2025-05-31.txt')!.keys!.at(-1)).toBe('cafe models');
  });

  it('fails on a file it cannot read as readFileSync does, and reads the next list whole', () => {
    const missing = [...names.slice(0, 20), 'absent.txt', ...names.slice(20)];
    expect(() => readDays(missing, root)).toThrow(/ENOENT.*absent\.txt/);
    expect(readDays(names, root).map((day) => day.file)).toEqual(names);
  });

  it('passes day options on', () => {
    const [day] = readDays(['2025-06-04.txt'], root, { date: '2025-06-04' });
    expect(day!.dateFrom).toBe('option');
  });
});
