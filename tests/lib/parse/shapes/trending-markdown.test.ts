import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDays } from '../../../../src/lib/merge';
import { parseDayBytes, parseDayText } from '../../../../src/lib/parse/day-file';
import { expectNoFurniture } from './furniture';

const FILE = 'tests/fixtures/real/trending-crawler-markdown.md';
const bytes = readFileSync(FILE);
const day = parseDayBytes(bytes, FILE, { date: '2026-01-20' });
const merged = mergeDays([day]);
const byTitle = (title: string) => {
  const paper = merged.papers.find((p) => p.title === title);
  if (!paper) throw new Error(`no paper "${title}"`);
  return paper;
};

describe('crawler Markdown of the trending page (real copy)', () => {
  it('has no date of its own: without --date it is an error that says how to give one', () => {
    const undated = parseDayBytes(bytes, FILE);
    expect(undated.date).toBeUndefined();
    expect(undated.problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        level: 'error',
        message: expect.stringMatching(
          /trending page carries no date.*--date YYYY-MM-DD.*front matter "date: YYYY-MM-DD"/,
        ),
      }),
    ]);
  });

  it('takes its date from --date or from front matter', () => {
    expect(day.shape).toBe('markdown');
    expect(day.date).toBe('2026-01-20');
    const withFrontMatter = parseDayText(
      `---\ndate: 2026-01-21\n---\n${bytes.toString('utf8')}`,
      'trending.md',
    );
    expect(withFrontMatter.date).toBe('2026-01-21');
    expect(withFrontMatter.papers).toHaveLength(100);
  });

  it('shows every card twice; merging gives its 50 distinct papers, in page order', () => {
    expect(day.papers).toHaveLength(100);
    expect(merged.papers).toHaveLength(50);
    expect(merged.mergedDuplicates).toBe(50);
    // Repeated cards are how trending pages look: merged without a warning per card.
    expect(merged.problems).toEqual([]);
    const titles = merged.papers.map((p) => p.title);
    expect(titles.slice(0, 5)).toEqual([
      'Agent Lightning: Train ANY AI Agents with Reinforcement Learning',
      'HeartMuLa: A Family of Open Sourced Music Foundation Models',
      'MemOS: A Memory OS for AI System',
      'ShapeR: Robust Conditional 3D Shape Generation from Casual Captures',
      'Conditional Memory via Scalable Lookup: A New Axis of Sparsity for Large Language Models',
    ]);
    expect(titles.slice(-3)).toEqual([
      'DataFlow: An LLM-Driven Framework for Unified Data Preparation and Workflow Automation in the Era of Data-Centric AI',
      'SkyReels-V2: Infinite-length Film Generative Model',
      'Multi-module GRPO: Composing Policy Gradients and Prompt Optimization for Language Model Programs',
    ]);
    // Titles arXiv wrapped onto an indented second line.
    expect(titles).toContain(
      'SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document conversion',
    );
    expect(titles).toContain(
      'Efficient Memory Management for Large Language Model Serving with PagedAttention',
    );
    expect(titles).toContain(
      'MinerU2.5: A Decoupled Vision-Language Model for Efficient High-Resolution Document Parsing',
    );
    expect(titles).not.toContain('What is Papers with Code?');
  });

  it('keeps the AI summary as a summary, never as the abstract', () => {
    const lightning = byTitle('Agent Lightning: Train ANY AI Agents with Reinforcement Learning');
    expect(lightning.abstract).toBe('');
    expect(lightning.summary).toBe(
      'Agent Lightning is a flexible RL framework for training LLMs in various agents, using a hierarchical RL ' +
        'algorithm and decoupling execution from training to handle complex interactions.',
    );
    const audio = byTitle('Continuous Audio Language Models');
    expect(audio.summary).toBeUndefined();
    expect(
      audio.abstract.startsWith(
        'Audio Language Models (ALM) have emerged as the dominant paradigm for speech and music generation by',
      ),
    ).toBe(true);
    expect(
      audio.abstract.endsWith('Samples are available at https://continuous-audio-language-models.github.io'),
    ).toBe(true);
    expect(audio.links).toEqual([
      { url: 'https://continuous-audio-language-models.github.io', kind: 'project' },
    ]);
    const summaries = merged.papers.filter((p) => p.summary).length;
    expect(summaries).toBeGreaterThanOrEqual(40);
    for (const paper of merged.papers)
      expect(paper.abstract !== '' || paper.summary !== undefined).toBe(true);
  });

  it('reads a one-line card text of two sentences as an abstract, even when one starts with a [tag]', () => {
    const card = (text: string) =>
      parseDayText(
        `## Trending Papers\n\n### Scaling Scaling\n\n${text}\n- 1 authors\n\n### Scaling Scaling\n\n${text}\n- 1 authors\n`,
        'trending.md',
        { date: '2026-01-20' },
      ).papers[0]!;
    const tagged = card('Scaling models scaling agents. [RET] tokens scaling vision a_b.');
    expect(tagged.abstract).toBe('Scaling models scaling agents. [RET] tokens scaling vision a_b.');
    expect(tagged.summary).toBeUndefined();
    const summary = card('Scaling models scale agents with vision and tokens.');
    expect(summary.abstract).toBe('');
    expect(summary.summary).toBe('Scaling models scale agents with vision and tokens.');
  });

  it('reads author counts and GitHub repositories with their stars', () => {
    expect(byTitle('Agent Lightning: Train ANY AI Agents with Reinforcement Learning')).toMatchObject({
      authorCount: 8,
      github: { url: 'https://github.com/microsoft/agent-lightning', stars: 11300 },
    });
    expect(byTitle('HeartMuLa: A Family of Open Sourced Music Foundation Models')).toMatchObject({
      authorCount: 28,
      github: { url: 'https://github.com/HeartMuLa/heartlib', stars: 1320 },
    });
    const shaper = byTitle('ShapeR: Robust Conditional 3D Shape Generation from Casual Captures');
    expect(shaper.github).toEqual({ url: 'https://github.com/facebookresearch/ShapeR', stars: 476 });
    expect(shaper.authorCount).toBeUndefined();
    expect(byTitle('Continuous Audio Language Models').github).toEqual({
      url: 'https://github.com/kyutai-labs/pocket-tts',
      stars: 2140,
    });
  });

  it('lets no furniture into any title, abstract or summary', () => {
    expectNoFurniture(day.papers);
    for (const paper of day.papers)
      expect(`${paper.abstract} ${paper.summary ?? ''}`).not.toMatch(/LINK: GitHub/);
  });
});
