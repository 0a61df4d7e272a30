import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content';
import { findRelatedPapers } from '../../../src/lib/related/related-papers';
import type { Paper } from '../../../src/lib/schema';
import { loadRealPapers } from '../../fixtures/real/paperexplorer';

const seed = loadContent('content').papers;
const real = loadRealPapers();

function paper(id: string, title: string, abstract: string): Paper {
  return { id, title, abstract, dates: ['2025-01-01'], links: [], source: { file: 'x.txt', line: 1 } };
}

describe('findRelatedPapers on the seed day', () => {
  const related = findRelatedPapers(seed);
  const byTitle = (start: string) => seed.find((p) => p.title.startsWith(start))!;
  const finance = seed.filter((p) => /financ|invest/i.test(p.title));

  it('lists at most 5 other papers for every paper, best first, never itself', () => {
    expect([...related.keys()].sort()).toEqual(seed.map((p) => p.id).sort());
    for (const [id, list] of related) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.id)).not.toContain(id);
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
      for (const r of list) {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.terms.length).toBeGreaterThan(0);
      }
    }
  });

  it('relates the finance papers to each other, through financial terms', () => {
    expect(finance.length).toBeGreaterThanOrEqual(6);
    for (const p of finance) {
      const list = related.get(p.id)!;
      const financeIds = new Set(finance.map((f) => f.id));
      // Most of a finance paper's related papers are finance papers, related through finance words.
      const financeRelated = list.filter((r) => financeIds.has(r.id));
      expect(financeRelated.length, p.title).toBeGreaterThanOrEqual(3);
      for (const r of financeRelated) expect(r.terms.join(' '), p.title).toMatch(/financ/);
    }
  });

  it('shows shared terms that really occur in both papers', () => {
    const text = (id: string) => {
      const p = seed.find((s) => s.id === id)!;
      return `${p.title} ${p.abstract}`.toLowerCase();
    };
    for (const [id, list] of related) {
      for (const r of list) {
        for (const term of r.terms) {
          // Terms are shown in their most common written form; the first word's stem is in both texts.
          const stem = term.split(' ')[0]!.slice(0, 5);
          expect(text(id), term).toContain(stem);
          expect(text(r.id), term).toContain(stem);
        }
      }
    }
  });

  it('relates the cross-lingual transfer papers through that phrase', () => {
    const list = related.get(
      byTitle('Cross-lingual transfer of multilingual models on low resource African').id,
    )!;
    expect(list.some((r) => r.terms.includes('cross-lingual transfer'))).toBe(true);
  });

  it('is roughly symmetric: most relations are returned the other way too', () => {
    let pairs = 0;
    let mutual = 0;
    for (const [id, list] of related) {
      for (const r of list) {
        pairs++;
        if (related.get(r.id)!.some((back) => back.id === id)) mutual++;
      }
    }
    expect(mutual / pairs).toBeGreaterThanOrEqual(0.4);
  });

  it('gives the same result whatever the input order', () => {
    const shuffled = [...seed].sort(
      (a, b) => (a.title.length % 7) - (b.title.length % 7) || (a.id < b.id ? 1 : -1),
    );
    expect(findRelatedPapers(shuffled)).toEqual(related);
    expect(JSON.stringify([...findRelatedPapers([...seed].reverse())])).toBe(JSON.stringify([...related]));
  });
});

describe('findRelatedPapers on 753 real abstracts', () => {
  const related = findRelatedPapers(real);
  const title = new Map(real.map((p) => [p.id, p.title]));
  const relatedTitles = (arxivId: string) =>
    related.get(arxivId.replace('.', '-'))!.map((r) => title.get(r.id)!);

  it('relates papers on the same narrow subject', () => {
    // Vision Mamba: its related papers are the other Mamba / state space vision papers.
    expect(
      relatedTitles('2401.09417').filter((t) => /Mamba|State Space/i.test(t)).length,
    ).toBeGreaterThanOrEqual(4);
    // StableIdentity: identity-preserving personalization.
    expect(
      relatedTitles('2401.15975').filter((t) => /Identity|ID|Personaliz|Custom/i.test(t)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('honours a smaller count', () => {
    for (const list of findRelatedPapers(real.slice(0, 100), 2).values())
      expect(list.length).toBeLessThanOrEqual(2);
  });
});

describe('findRelatedPapers edge cases', () => {
  it('breaks score ties by id and ignores stopwords and numbers', () => {
    const papers = [
      paper('c', 'Quantum widgets', 'Quantum widgets for all.'),
      paper('b', 'Quantum widgets', 'Quantum widgets for all.'),
      paper('a', 'Quantum widgets', 'Quantum widgets for all.'),
      paper('z', 'The of and 2024', 'We propose a novel method in 2024.'),
      paper('y', 'The of and 2024', 'We propose a novel method in 2024.'),
      // Unrelated papers, so the shared words are not in most of this small corpus.
      ...['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'].map((w) =>
        paper(`f-${w}`, w, `${w}s`),
      ),
    ];
    const related = findRelatedPapers(papers, 5);
    expect(related.get('c')!.map((r) => r.id)).toEqual(['a', 'b']);
    expect(related.get('c')![0]!.terms).toContain('quantum widgets');
    expect(related.get('z')).toEqual([]);
  });

  it('handles an empty corpus and a paper without an abstract', () => {
    expect(findRelatedPapers([])).toEqual(new Map());
    expect(findRelatedPapers([paper('a', 'Only a title', '')])).toEqual(new Map([['a', []]]));
  });
});
