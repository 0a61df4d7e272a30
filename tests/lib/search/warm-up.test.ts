import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/lib/search/engine';
import { parseQuery } from '../../../src/lib/search/query';
import { warmUpEngine, warmUpIndex } from '../../../src/lib/search/warm-up';

/** An engine over the made-up index, with the paths it read. */
function engine(files: Map<string, unknown>): { engine: SearchEngine; read: string[] } {
  const read: string[] = [];
  return {
    read,
    engine: new SearchEngine(async (path) => {
      read.push(path);
      if (!files.has(path)) throw new Error(`no file ${path}`);
      return structuredClone(files.get(path));
    }),
  };
}

describe('warm-up index', () => {
  it('holds the same made-up papers and queries every time', () => {
    const first = warmUpIndex();
    const second = warmUpIndex();
    expect(second.queries).toEqual(first.queries);
    expect([...second.files]).toEqual([...first.files]);
  });

  it('has queries of every kind, each finding papers, so each code path runs', async () => {
    const { files, queries } = warmUpIndex();
    const parsed = queries.map(parseQuery);
    expect(parsed.some((query) => query.words.length === 2)).toBe(true);
    expect(
      parsed.filter((query) => query.phrases.length === 1).map((q) => q.phrases[0]!.terms.length),
    ).toEqual(expect.arrayContaining([2, 3]));
    const { engine: search, read } = engine(files);
    for (const query of queries) {
      const response = await search.search(query, {}, 12);
      expect(response.results.length, query).toBeGreaterThan(0);
    }
    // Common and rare words, word and pair shards, several records files.
    expect(read).toEqual(
      expect.arrayContaining([
        'meta.json',
        'warm-up/w.json',
        'warm-up/p/0.json',
        'warm-up/p/1.json',
        'warm-up/p/2.json',
      ]),
    );
    expect(read.filter((path) => path.includes('/d/')).length).toBeGreaterThan(1);
  });

  it('has a typo that only near spellings match', () => {
    const { files, queries } = warmUpIndex();
    const { terms } = files.get('warm-up/w.json') as { terms: string };
    const common = new Set(terms.split(' '));
    const shards = [0, 1].flatMap((shard) =>
      (files.get(`warm-up/p/${shard}.json`) as [string][]).map(([key]) => key),
    );
    const known = new Set([...common, ...shards]);
    expect(queries.some((query) => /^[a-z]{8,}$/.test(query) && !known.has(query))).toBe(true);
  });
});

describe('warmUpEngine', () => {
  it('runs every query of every round when nothing stops it', async () => {
    let checks = 0;
    await warmUpEngine(() => (checks++, false), 2);
    expect(checks).toBe(1 + 2 * warmUpIndex().queries.length);
  });

  it('stops as soon as a real query has come', async () => {
    let checks = 0;
    await warmUpEngine(() => ++checks > 3);
    expect(checks).toBe(4);
  });
});
