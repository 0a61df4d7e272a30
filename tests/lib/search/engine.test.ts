import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/lib/search/build-index';
import { editDistance, SearchEngine, type SearchResponse } from '../../../src/lib/search/engine';
import { tokenizeText } from '../../../src/lib/search/tokenize';
import { getSiteData } from '../../../src/site/data';
import { PROJECT_ROOT } from '../../support/build-site';

const data = getSiteData(join(PROJECT_ROOT, 'content'), true);
const index = buildSearchIndex({
  papers: data.newestFirst,
  topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
  topicsByPaper: data.topicsByPaper,
});

/** A fresh engine reading the built files, with the paths it read. */
function engine(files = index.files): { engine: SearchEngine; read: string[] } {
  const read: string[] = [];
  return {
    read,
    engine: new SearchEngine(async (path) => {
      read.push(path);
      const body = files.get(path);
      if (body === undefined) throw new Error(`no file ${path}`);
      return JSON.parse(body);
    }),
  };
}

const ids = (response: SearchResponse) => response.results.map((result) => result.id);
const words = (id: string) => {
  const paper = data.paperById.get(id)!;
  return tokenizeText(`${paper.title}\n${paper.abstract}`);
};

describe('SearchEngine on the shipped content', () => {
  it('ranks the one paper naming a rare word first, and reads few files', async () => {
    const { engine: search, read } = engine();
    const response = await search.search('Kirundi');
    expect(response.total).toBe(1);
    expect(data.paperById.get(ids(response)[0]!)!.abstract).toContain('Kirundi');
    expect(read.filter((path) => path.includes('/p/'))).toHaveLength(1);
    expect(read.filter((path) => path.includes('/d/'))).toHaveLength(1);
    const snippet = response.results[0]!.snippet;
    expect(snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toContain('Kirundi');
  });

  it('finds multilingual papers for the typo "multilingal"', async () => {
    const response = await engine().engine.search('multilingal');
    expect(response.results.length).toBe(10);
    for (const id of ids(response)) expect(words(id)).toContain('multilingual');
  });

  it('corrects typos in the first letters too, reading only the shards of the near spellings', async () => {
    const { engine: search, read } = engine();
    const response = await search.search('nultilingual');
    expect(response.results.length).toBe(10);
    for (const id of ids(response)) expect(words(id)).toContain('multilingual');
    expect(read.filter((path) => path.includes('/p/')).length).toBeLessThanOrEqual(3);
  });

  it('ranks papers holding every word above those holding some', async () => {
    const response = await engine().engine.search('cross-lingual transfer bantu', {}, 20);
    const full = ids(response).filter((id) =>
      ['cross', 'lingual', 'transfer', 'bantu'].every((w) => words(id).includes(w)),
    );
    expect(full.length).toBeGreaterThan(0);
    expect(ids(response).slice(0, full.length)).toEqual(full);
  });

  it('completes the word being typed', async () => {
    const response = await engine().engine.search('kinyar');
    expect(response.results.length).toBeGreaterThan(0);
    for (const id of ids(response)) expect(words(id).some((word) => word.startsWith('kinyar'))).toBe(true);
    expect((await engine().engine.search('kinyar ')).results).toEqual([]);
  });

  it('keeps only papers holding a quoted phrase, in order', async () => {
    const response = await engine().engine.search('"low-resource languages"', {}, 50);
    expect(response.results.length).toBeGreaterThan(0);
    for (const id of ids(response)) {
      const text = words(id).join(' ');
      expect(text).toContain('low resource languages');
    }
    const loose = await engine().engine.search('languages low resource', {}, 50);
    expect(loose.total).toBeGreaterThan(response.total);
  });

  it('fetches the records of a phrase query in one round: the pairs leave out papers holding the words apart', async () => {
    const { engine: search, read } = engine();
    // Many papers hold both words, few in a row: checking fetched records alone took rounds of 12.
    const response = await search.search('"model performance"', {}, 5);
    expect(response.results.length).toBeGreaterThan(0);
    for (const id of ids(response)) expect(words(id).join(' ')).toContain('model performance');
    expect(read.filter((path) => path.includes('/d/'))).toHaveLength(response.total);
    expect((await engine().engine.search('model performance', {}, 5)).total).toBeGreaterThan(20);
  });

  it('applies topic and date filters', async () => {
    const [slug, members] = [...data.papersByTopic].sort((a, b) => b[1].length - a[1].length)[0]!;
    const inTopic = await engine().engine.search('', { topic: slug }, 1000);
    expect(ids(inTopic)).toEqual(members.map((paper) => paper.id));
    const day = data.days[0]!.date;
    const onDay = await engine().engine.search('models', { from: day, to: day }, 1000);
    for (const id of ids(onDay)) expect(data.paperById.get(id)!.dates).toContain(day);
    expect((await engine().engine.search('models', { to: '1999-12-31' })).results).toEqual([]);
  });

  it('reads records grouped several per file (the newest more) as it reads them one per file', async () => {
    const grouped = buildSearchIndex({
      papers: data.newestFirst,
      topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
      topicsByPaper: data.topicsByPaper,
      recordsPerFile: 8,
      recent: { count: 20, perFile: 16 },
    });
    for (const query of ['language models', '"low-resource languages"', 'multilingal', 'Kirundi']) {
      const { engine: search, read } = engine(grouped.files);
      expect(await search.search(query, {}, 12)).toEqual(await engine().engine.search(query, {}, 12));
      const records = read.filter((path) => path.includes('/d/'));
      expect(new Set(records).size).toBe(records.length);
    }
  });

  it('fetches the newest papers’ records when warmed up, so queries showing them fetch no records', async () => {
    const recent = { count: 20, perFile: 8 };
    const grouped = buildSearchIndex({
      papers: data.newestFirst,
      topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
      topicsByPaper: data.topicsByPaper,
      recordsPerFile: 4,
      recent,
    });
    const { engine: search, read } = engine(grouped.files);
    await search.warm();
    const version = grouped.meta.version;
    expect(read).toEqual([
      'meta.json',
      `${version}/w.json`,
      `${version}/d/0.json`,
      `${version}/d/1.json`,
      `${version}/d/2.json`,
    ]);
    for (const query of ['models', 'language models', '"low-resource languages"', 'Kirundi']) {
      expect(await search.search(query, {}, 12)).toEqual(await engine().engine.search(query, {}, 12));
    }
    // Records fetched by the queries are older papers' only, each file once.
    const later = read.slice(5).filter((path) => path.includes('/d/'));
    expect(later.length).toBeGreaterThan(0);
    for (const path of later) expect(Number(/\/d\/(\d+)\.json$/.exec(path)![1])).toBeGreaterThanOrEqual(3);
    expect(new Set(later).size).toBe(later.length);

    // A site without grouped recent records fetches none ahead.
    const { engine: small, read: smallRead } = engine();
    await small.warm();
    expect(smallRead.filter((path) => path.includes('/d/'))).toEqual([]);
  });

  it('returns nothing for nothing', async () => {
    expect(await engine().engine.search('   ')).toEqual({ results: [], total: 0 });
    expect((await engine().engine.search('qqqzzzx')).results).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('multilingal', 'multilingual', 2)).toBe(1);
    expect(editDistance('trasnfer', 'transfer', 2)).toBe(1);
    expect(editDistance('model', 'modal', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('agrees with the textbook table up to the limit, call after call, short words and long', () => {
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
          }
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 90 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const distance = reference(a, b);
        if (distance <= max) expect(editDistance(a, b, max)).toBe(distance);
        else expect(editDistance(a, b, max)).toBeGreaterThan(max);
      }),
      { numRuns: 400 },
    );
  });
});
