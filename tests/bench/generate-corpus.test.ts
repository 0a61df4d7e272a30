import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate-corpus';
import { loadContent } from '../../src/lib/content';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'corpus-test-'));
}

function dayFiles(dir: string): Map<string, string> {
  const daily = join(dir, 'daily');
  return new Map(readdirSync(daily).map((name) => [name, readFileSync(join(daily, name), 'utf8')]));
}

describe('generateCorpus', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    const [first, second, other] = [tempDir(), tempDir(), tempDir()];
    generateCorpus({ papers: 300, outDir: first, seed: 7 });
    generateCorpus({ papers: 300, outDir: second, seed: 7 });
    generateCorpus({ papers: 300, outDir: other, seed: 8 });
    const a = dayFiles(first);
    expect(a.size).toBeGreaterThan(5);
    expect(dayFiles(second)).toEqual(a);
    expect(dayFiles(other)).not.toEqual(a);
  });

  it('writes plain day files the real parser reads back to exactly the generated papers', () => {
    const dir = tempDir();
    const manifest = generateCorpus({ papers: 400, outDir: dir, seed: 3 });
    const content = loadContent(dir);

    expect(content.problems).toEqual([]);
    expect(content.papers).toHaveLength(400);
    expect(content.days).toHaveLength(manifest.days);
    expect(content.mergedDuplicates).toBe(manifest.featurings - manifest.papers);
    expect(manifest.featurings).toBeGreaterThan(manifest.papers);
    expect(content.days[0]!.date).toBe(manifest.firstDay);
    expect(content.days.at(-1)!.date).toBe(manifest.lastDay);
  });

  it('gives each search target word to exactly one paper', () => {
    const dir = tempDir();
    const manifest = generateCorpus({ papers: 400, outDir: dir, seed: 3 });
    const { papers } = loadContent(dir);
    expect(manifest.searchTargets.length).toBeGreaterThanOrEqual(40);
    for (const target of manifest.searchTargets) {
      const word = new RegExp(`\\b${target.word}\\b`, 'i');
      const hits = papers.filter((paper) => word.test(`${paper.title} ${paper.abstract}`));
      expect(hits.map((paper) => paper.title)).toEqual([target.title]);
    }
  });

  it('writes realistic lengths: titles of 60 to 150 characters, abstracts around 1.8 KB', () => {
    const dir = tempDir();
    generateCorpus({ papers: 400, outDir: dir, seed: 5 });
    const { papers } = loadContent(dir);
    const titles = papers.map((paper) => paper.title.length);
    const abstracts = papers.map((paper) => paper.abstract.length);
    expect(Math.min(...titles)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...titles)).toBeLessThanOrEqual(150);
    expect(Math.min(...abstracts)).toBeGreaterThanOrEqual(900);
    expect(Math.max(...abstracts)).toBeLessThanOrEqual(2600);
    const mean = abstracts.reduce((sum, n) => sum + n, 0) / abstracts.length;
    expect(mean).toBeGreaterThan(1500);
    expect(mean).toBeLessThan(2000);
    expect(papers.some((paper) => paper.abstract.includes('$O(n^2)$'))).toBe(true);
    expect(papers.some((paper) => paper.links.some((link) => link.kind === 'code'))).toBe(true);
  });
});
