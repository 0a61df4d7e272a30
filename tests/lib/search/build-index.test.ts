import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  POSTINGS_SHARD_BYTES,
  RECENT_PER_FILE,
  RECENT_RECORDS,
  recentRecords,
  recordsPerFile,
} from '../../../src/lib/search/build-index';
import {
  decodeList,
  isPairKey,
  pairKey,
  postingsFile,
  recordsFileOf,
  type CommonWordsFile,
  type PostingsShardFile,
  type RecordsFile,
} from '../../../src/lib/search/index-format';
import { isIndexed, tokenizeText } from '../../../src/lib/search/tokenize';
import { getSiteData } from '../../../src/site/data';
import { PROJECT_ROOT } from '../../support/build-site';

const data = getSiteData(join(PROJECT_ROOT, 'content'), true);
const input = {
  papers: data.newestFirst,
  topics: data.topics.map((topic) => [topic.slug, topic.name] as const),
  topicsByPaper: data.topicsByPaper,
};
const index = buildSearchIndex(input);
const json = <T>(path: string): T => JSON.parse(index.files.get(path)!) as T;

describe('buildSearchIndex on the shipped content', () => {
  const { meta } = index;

  it('numbers every paper once, newest first, with its record', () => {
    expect(meta.docCount).toBe(data.papers.length);
    expect(meta.recentRecords).toBe(0);
    const files = Math.ceil(meta.docCount / meta.recordsPerFile);
    const docs = Array.from({ length: files }, (_, n) =>
      json<RecordsFile>(`${meta.version}/d/${n}.json`),
    ).flat();
    expect(docs.map((doc) => doc.id)).toEqual(data.newestFirst.map((paper) => paper.id));
    expect(meta.days.reduce((sum, [, count]) => sum + count, 0)).toBe(meta.docCount);
    for (const doc of docs) {
      expect(doc.topics).toEqual(data.topicsByPaper.get(doc.id)!.map((match) => match.slug));
    }
  });

  /** Every postings key with the papers holding it, read from the shards (checking each is in its range). */
  const found = new Map<string, Set<number>>();
  [...meta.postingShards, ...meta.pairShards].forEach((first, shard) => {
    const file = json<PostingsShardFile>(`${meta.version}/p/${shard}.json`);
    for (const [key, title, body] of file) {
      expect(postingsFile(meta, key)).toBe(shard);
      expect(isPairKey(key)).toBe(shard >= meta.postingShards.length);
      expect(key >= first).toBe(true);
      found.set(key, new Set([...decodeList(title), ...decodeList(body)]));
    }
  });
  const common = json<CommonWordsFile>(`${meta.version}/w.json`);
  const commonTerms = common.terms.split(' ');

  it('lists every indexed word of every paper, and only those, in the right shard', () => {
    const expected = new Map<string, Set<number>>();
    data.newestFirst.forEach((paper, doc) => {
      for (const term of tokenizeText(`${paper.title}\n${paper.abstract}`).filter(isIndexed)) {
        if (!expected.has(term)) expected.set(term, new Set());
        expected.get(term)!.add(doc);
      }
    });
    const words = new Map([...found].filter(([key]) => !key.includes(' ')));
    expect(words).toEqual(expected);
    const kirundi = [...words.get('kirundi')!];
    expect(kirundi).toHaveLength(1);
    expect(data.newestFirst[kirundi[0]!]!.abstract).toContain('Kirundi');
  });

  it('lists the common words (held by two papers or more) with their paper counts', () => {
    const counts = common.df.split(',').map(Number);
    expect(commonTerms).toEqual([...commonTerms].sort());
    expect(counts).toHaveLength(commonTerms.length);
    commonTerms.forEach((term, i) => expect(counts[i]).toBe(found.get(term)!.size));
    const expected = [...found]
      .filter(([key, docs]) => !key.includes(' ') && docs.size >= 2)
      .map(([key]) => key);
    expect(commonTerms).toEqual(expected.sort());
  });

  it('lists the papers holding two common words in a row, in the title or in the abstract', () => {
    const commonSet = new Set(commonTerms);
    const expected = new Map<string, Set<number>>();
    data.newestFirst.forEach((paper, doc) => {
      for (const text of [paper.title, paper.abstract]) {
        const words = tokenizeText(text);
        for (let i = 1; i < words.length; i++) {
          if (!commonSet.has(words[i - 1]!) || !commonSet.has(words[i]!)) continue;
          const key = pairKey(words[i - 1]!, words[i]!);
          if (!expected.has(key)) expected.set(key, new Set());
          expected.get(key)!.add(doc);
        }
      }
    });
    expect(new Map([...found].filter(([key]) => key.includes(' ')))).toEqual(expected);
    expect(expected.get(pairKey('low', 'resource'))?.size).toBeGreaterThan(0);
  });

  it('keeps shards small', () => {
    for (const [path, body] of index.files) {
      if (path.includes('/p/')) expect(body.length).toBeLessThan(POSTINGS_SHARD_BYTES * 3);
    }
  });

  it("puts a small site's records one per file, a large archive's several per file", () => {
    expect(meta.recordsPerFile).toBe(1);
    expect([100, 1999, 2000, 10_000, 40_000, 1_000_000].map(recordsPerFile)).toEqual([1, 1, 2, 8, 8, 8]);
    const grouped = buildSearchIndex({ ...input, recordsPerFile: 4 });
    const first = JSON.parse(grouped.files.get(`${grouped.meta.version}/d/0.json`)!) as RecordsFile;
    expect(first.map((doc) => doc.id)).toEqual(data.newestFirst.slice(0, 4).map((paper) => paper.id));
  });

  it("puts a large archive's newest papers in bigger files, each paper where recordsFileOf says", () => {
    expect(recentRecords(2000, recordsPerFile(2000))).toEqual({ count: 0, perFile: 2 });
    expect(recentRecords(4000, recordsPerFile(4000))).toEqual({ count: 0, perFile: 4 });
    expect(recentRecords(10_000, recordsPerFile(10_000))).toEqual({
      count: RECENT_RECORDS,
      perFile: RECENT_PER_FILE,
    });
    expect(recentRecords(40_000, recordsPerFile(40_000))).toEqual({
      count: RECENT_RECORDS,
      perFile: RECENT_PER_FILE,
    });
    const tiered = buildSearchIndex({ ...input, recordsPerFile: 2, recent: { count: 6, perFile: 4 } });
    const { version } = tiered.meta;
    const read = (file: number) => JSON.parse(tiered.files.get(`${version}/d/${file}.json`)!) as RecordsFile;
    // Files of 4, 2 (the rest of the recent ones), then 2 each.
    expect([0, 1, 2].map((file) => read(file).length)).toEqual([4, 2, 2]);
    data.newestFirst.forEach((paper, doc) => {
      const { file, slot } = recordsFileOf(tiered.meta, doc);
      expect(read(file)[slot]!.id).toBe(paper.id);
    });
  });

  it('gives the same bytes for the same input, and a new folder when the input changes', () => {
    const again = buildSearchIndex(input);
    expect([...again.files]).toEqual([...index.files]);
    const changed = buildSearchIndex({ ...input, papers: input.papers.slice(1) });
    expect(changed.meta.version).not.toBe(meta.version);
  });

  it('puts everything but meta.json under the version folder', () => {
    for (const path of index.files.keys()) {
      expect(path === 'meta.json' || path.startsWith(`${meta.version}/`)).toBe(true);
    }
  });
});
