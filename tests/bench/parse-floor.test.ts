import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate-corpus';
import { floorParse } from '../../bench/parse-floor';
import { listDayFiles, loadContent } from '../../src/lib/content';

describe('floorParse', () => {
  it('makes as many papers of a plain corpus as the real parser does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'floor-test-'));
    const manifest = generateCorpus({ papers: 500, outDir: dir, seed: 5 });
    const files = listDayFiles(dir, dir);

    expect(floorParse(dir, files)).toBe(manifest.papers);
    expect(loadContent(dir).papers).toHaveLength(manifest.papers);
  });
});
