import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content';
import type { Paper } from '../../../src/lib/schema';
import {
  ASSIGN_THRESHOLD,
  MAX_TOPICS_PER_PAPER,
  assignTopics,
  type TopicMatch,
} from '../../../src/lib/topics/assign-topics';
import { loadTopics, type Topic } from '../../../src/lib/topics/load-topics';
import { loadRealPapers } from '../../fixtures/real/paperexplorer';

const { topics } = loadTopics('content/topics');
const seed = loadContent('content').papers;
const real = loadRealPapers();

function paper(id: string, title: string, abstract: string): Paper {
  return { id, title, abstract, dates: ['2025-01-01'], links: [], source: { file: 'x.txt', line: 1 } };
}

function topic(slug: string, include: string[], exclude: string[] = []): Topic {
  return { slug, name: slug, include, exclude, descriptionHtml: '', file: `${slug}.md` };
}

/** Papers per topic slug. */
function tally(assigned: Map<string, TopicMatch[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const matches of assigned.values())
    for (const m of matches) counts.set(m.slug, (counts.get(m.slug) ?? 0) + 1);
  return counts;
}

describe('assignTopics on the shipped seed day', () => {
  const assigned = assignTopics(seed, topics);

  it('gives every one of the 41 papers at least one topic', () => {
    expect(seed).toHaveLength(41);
    for (const p of seed) expect(assigned.get(p.id)!.length, p.title).toBeGreaterThan(0);
  });

  it('lets no topic take more than half of the papers', () => {
    for (const [slug, count] of tally(assigned)) expect(count, slug).toBeLessThanOrEqual(seed.length / 2);
  });

  it('puts the finance papers, and only finance papers, in finance', () => {
    const finance = seed
      .filter((p) => assigned.get(p.id)!.some((m) => m.slug === 'finance'))
      .map((p) => p.title);
    expect(finance).toHaveLength(7);
    for (const title of finance) expect(title).toMatch(/financ|invest|Finance/i);
  });

  it('explains each match with terms of the topic that occur in the paper', () => {
    const bySlug = new Map(topics.map((t) => [t.slug, t]));
    for (const p of seed) {
      const text = `${p.title} ${p.abstract}`.toLowerCase();
      for (const match of assigned.get(p.id)!) {
        expect(match.score).toBeGreaterThanOrEqual(ASSIGN_THRESHOLD);
        expect(match.terms.length).toBeGreaterThan(0);
        for (const term of match.terms) {
          expect(bySlug.get(match.slug)!.include).toContain(term);
          // The term's first word (up to its first 4 letters, as stems may drop endings) is in the text.
          expect(text).toContain(
            term
              .toLowerCase()
              .split(/[^a-z0-9]/)[0]!
              .slice(0, 4),
          );
        }
      }
    }
  });

  it('files specific seed papers where a reader would', () => {
    const slugsOf = (start: string) =>
      assigned.get(seed.find((p) => p.title.startsWith(start))!.id)!.map((m) => m.slug);
    expect(slugsOf('Scaling Laws for Multilingual Neural Machine Translation')).toContain(
      'machine-translation',
    );
    expect(slugsOf('M-RewardBench')).toContain('reward-models');
    expect(slugsOf('Conversations in Galician')).toContain('low-resource-languages');
    expect(slugsOf('MME-Finance')).toEqual(expect.arrayContaining(['vision-language', 'finance']));
    expect(slugsOf('Bridge Diffusion Model')).toContain('image-generation');
    expect(slugsOf('Breaking Language Barriers in Multilingual Mathematical')).toContain('reasoning-math');
    expect(slugsOf('MAPS: A Multilingual Benchmark for Global Agent')).toEqual(
      expect.arrayContaining(['agents', 'benchmarks-evaluation']),
    );
    expect(slugsOf('An Efficient Multilingual Language Model Compression')).toContain(
      'efficiency-compression',
    );
  });
});

describe('assignTopics on 753 real Daily Papers abstracts', () => {
  const assigned = assignTopics(real, topics);

  it('gives at least 95% of the papers a topic', () => {
    const withTopic = real.filter((p) => assigned.get(p.id)!.length > 0).length;
    expect(real).toHaveLength(753);
    expect(withTopic / real.length).toBeGreaterThanOrEqual(0.95);
  });

  it('lets no topic take more than half of the papers, and uses most topics', () => {
    const counts = tally(assigned);
    for (const [slug, count] of counts) expect(count, slug).toBeLessThanOrEqual(real.length / 2);
    expect(counts.size).toBeGreaterThanOrEqual(topics.length - 2);
  });

  it('files well-known papers in the obvious topic', () => {
    const expected: Record<string, string> = {
      '2401.04081': 'llms', // MoE-Mamba: selective state space models with mixture of experts
      '2402.14658': 'code', // OpenCodeInterpreter
      '2403.02775': 'efficiency-compression', // EasyQuant: data-free quantization for LLMs
      '2401.08417': 'machine-translation', // Contrastive Preference Optimization ... in machine translation
      '2403.01800': 'video-generation', // AtomoVideo: image-to-video generation
      '2403.05034': '3d', // CRM: single image to 3D textured mesh
      '2402.01878': 'alignment-safety', // LiPO: listwise preference optimization
      '2401.05566': 'alignment-safety', // Sleeper Agents: deceptive LLMs that persist through safety training
      '2401.12246': 'multilingual', // Orion-14B: open-source multilingual LLMs
      '2402.10176': 'reasoning-math', // OpenMathInstruct-1
      '2401.12208': 'medicine-science', // CheXagent: chest X-ray interpretation
      '2401.02117': 'robotics', // Mobile ALOHA: bimanual mobile manipulation
      '2402.04825': 'speech-audio', // Fast timing-conditioned latent audio diffusion
      '2403.11703': 'vision-language', // LLaVA-UHD
      '2401.10020': 'reward-models', // Self-Rewarding Language Models
      '2401.13919': 'agents', // WebVoyager: an end-to-end web agent
    };
    for (const [arxivId, slug] of Object.entries(expected)) {
      const p = real.find((r) => r.arxivId === arxivId)!;
      expect(
        assigned.get(p.id)!.map((m) => m.slug),
        p.title,
      ).toContain(slug);
    }
  });

  it('gives no paper more than the maximum number of topics, strongest first', () => {
    for (const matches of assigned.values()) {
      expect(matches.length).toBeLessThanOrEqual(MAX_TOPICS_PER_PAPER);
      for (let i = 1; i < matches.length; i++) {
        const [a, b] = [matches[i - 1]!, matches[i]!];
        expect(a.score > b.score || (a.score === b.score && a.slug < b.slug)).toBe(true);
      }
    }
  });

  it('gives the same result whatever the order of papers and topics', () => {
    const again = assignTopics([...real].reverse(), [...topics].reverse());
    expect(new Map([...again].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
      new Map([...assigned].sort(([a], [b]) => (a < b ? -1 : 1))),
    );
  });
});

describe('assignTopics scoring', () => {
  const rm = topic('reward-models', ['reward model', 'preference data']);
  const tr = topic('translation', ['translation', 'BLEU'], ['image-to-image translation']);

  it('assigns on a title hit alone, matching plurals, case and hyphens', () => {
    const result = assignTopics([paper('a', 'Evaluating REWARD-MODELS in the wild', 'Nothing here.')], [rm]);
    expect(result.get('a')).toEqual([{ slug: 'reward-models', score: 5, terms: ['reward model'] }]);
  });

  it('does not assign on one weak abstract mention, but does on repeated ones', () => {
    const once = paper('a', 'A title', 'We also train a reward model.');
    const thrice = paper('b', 'A title', 'A reward model. Reward models. We collect preference data.');
    const result = assignTopics([once, thrice], [rm]);
    expect(result.get('a')).toEqual([]);
    expect(result.get('b')).toEqual([
      { slug: 'reward-models', score: 3, terms: ['reward model', 'preference data'] },
    ]);
  });

  it('matches on word boundaries only', () => {
    const result = assignTopics(
      [paper('a', 'Translationally invariant BLEUish things', 'transl ation')],
      [tr],
    );
    expect(result.get('a')).toEqual([]);
  });

  it('lets an exclude term veto the topic', () => {
    const result = assignTopics(
      [paper('a', 'Image-to-image translation with diffusion', 'Translation. Translation. BLEU.')],
      [tr],
    );
    expect(result.get('a')).toEqual([]);
  });

  it('counts the longest term once, not also the shorter one inside it', () => {
    const lm = topic('lm', ['large language model', 'language model']);
    const result = assignTopics([paper('a', 'A large language model', '')], [lm]);
    expect(result.get('a')).toEqual([{ slug: 'lm', score: 5, terms: ['large language model'] }]);
  });

  it('has an entry, maybe empty, for every paper', () => {
    const result = assignTopics([paper('a', 'x', ''), paper('b', 'y', '')], [rm, tr]);
    expect([...result.keys()]).toEqual(['a', 'b']);
  });
});
