import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, POSTINGS_SHARD_BYTES } from '../../../src/lib/search/build-index';
import {
  decodeList,
  shardOf,
  type PostingsShardFile,
  type SearchDoc,
  type VocabShardFile,
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
    const docs = Array.from({ length: meta.docCount }, (_, n) =>
      json<SearchDoc>(`${meta.version}/d/${n}.json`),
    );
    expect(docs.map((doc) => doc.id)).toEqual(data.newestFirst.map((paper) => paper.id));
    expect(meta.days.reduce((sum, [, count]) => sum + count, 0)).toBe(meta.docCount);
    for (const doc of docs) {
      expect(doc.topics).toEqual(data.topicsByPaper.get(doc.id)!.map((match) => match.slug));
    }
  });

  it('lists every indexed word of every paper, and only those, in the right shard', () => {
    const expected = new Map<string, Set<number>>();
    data.newestFirst.forEach((paper, doc) => {
      for (const term of tokenizeText(`${paper.title}\n${paper.abstract}`).filter(isIndexed)) {
        if (!expected.has(term)) expected.set(term, new Set());
        expected.get(term)!.add(doc);
      }
    });
    const found = new Map<string, Set<number>>();
    meta.postingShards.forEach((first, shard) => {
      const file = json<PostingsShardFile>(`${meta.version}/p/${shard}.json`);
      for (const [term, [title, body]] of Object.entries(file)) {
        expect(shardOf(meta.postingShards, term)).toBe(shard);
        expect(term >= first).toBe(true);
        found.set(term, new Set([...decodeList(title), ...decodeList(body)]));
      }
    });
    expect(found).toEqual(expected);
    const kirundi = [...found.get('kirundi')!];
    expect(kirundi).toHaveLength(1);
    expect(data.newestFirst[kirundi[0]!]!.abstract).toContain('Kirundi');
  });

  it('keeps shards small and lists each word in its vocabulary shard with its paper count', () => {
    for (const [path, body] of index.files) {
      if (path.includes('/p/')) expect(body.length).toBeLessThan(POSTINGS_SHARD_BYTES * 3);
    }
    meta.vocabKeys.forEach((key, shard) => {
      const file = json<VocabShardFile>(`${meta.version}/v/${shard}.json`);
      const terms = file.terms.split(' ');
      expect(terms.every((term) => term.startsWith(key))).toBe(true);
      expect([...terms].sort()).toEqual(terms);
      expect(file.df.split(',')).toHaveLength(terms.length);
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
