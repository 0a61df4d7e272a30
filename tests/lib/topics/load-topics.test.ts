import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTopics } from '../../../src/lib/topics/load-topics';

describe('the shipped taxonomy', () => {
  const { topics, problems } = loadTopics('content/topics');

  it('loads without a single problem', () => {
    expect(problems).toEqual([]);
    expect(topics.length).toBeGreaterThanOrEqual(20);
    expect(topics.length).toBeLessThanOrEqual(32);
  });

  it('is sorted by slug and covers the areas the issue names', () => {
    const slugs = topics.map((t) => t.slug);
    expect(slugs).toEqual([...slugs].sort());
    for (const slug of [
      'llms',
      'multilingual',
      'machine-translation',
      'low-resource-languages',
      'benchmarks-evaluation',
      'finance',
      'vision-language',
      'image-generation',
      'video-generation',
      'speech-audio',
      'agents',
      'reasoning-math',
      'code',
      'alignment-safety',
      'reward-models',
      'efficiency-compression',
      'retrieval-rag',
      'reinforcement-learning',
      'robotics',
      '3d',
      'medicine-science',
      'datasets',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it('gives every topic a name, terms and a rendered description', () => {
    for (const topic of topics) {
      expect(topic.name.length, topic.slug).toBeGreaterThan(0);
      expect(topic.include.length, topic.slug).toBeGreaterThan(0);
      expect(topic.descriptionHtml, topic.slug).toMatch(/^<p>.{40,}<\/p>/s);
      expect(topic.file).toBe(join('content/topics', `${topic.slug}.md`));
    }
  });
});

describe('loadTopics on bad files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'topics-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);

  it('reads a good file: front matter, Markdown description, exclude defaulting to none', () => {
    write('good.md', '---\nname: Good\ninclude:\n  - alpha\n  - beta gamma\n---\n\nIt is *good*.\n');
    const { topics, problems } = loadTopics(dir);
    expect(problems).toEqual([]);
    expect(topics).toEqual([
      {
        slug: 'good',
        name: 'Good',
        include: ['alpha', 'beta gamma'],
        exclude: [],
        descriptionHtml: '<p>It is <em>good</em>.</p>',
        file: join(dir, 'good.md'),
      },
    ]);
  });

  it('reports each broken file with its line and leaves it out', () => {
    write('a-no-front-matter.md', 'Just text.\n');
    write('b-bad-yaml.md', '---\nname: X\ninclude: [unclosed\n---\nText\n');
    write('c-no-name.md', '---\ninclude:\n  - x\n---\nText\n');
    write('d-empty-term.md', '---\nname: D\ninclude:\n  - ok\n  - "  "\n---\nText\n');
    write('e-wordless.md', '---\nname: E\ninclude:\n  - ok\n  - "!!"\n---\nText\n');
    write('F_Bad.md', '---\nname: F\ninclude:\n  - ok\n---\nText\n');
    write('g-include-not-list.md', '---\nname: G\ninclude: 3\n---\nText\n');
    write('h-fine.md', '---\nname: H\ninclude:\n  - ok\n---\nText\n');
    const { topics, problems } = loadTopics(dir);
    expect(topics.map((t) => t.slug)).toEqual(['h-fine']);
    const at = (name: string) => problems.filter((p) => p.file === join(dir, name));
    expect(at('a-no-front-matter.md')).toMatchObject([
      { line: 1, level: 'error', message: expect.stringMatching(/front matter/) },
    ]);
    expect(at('b-bad-yaml.md')).toMatchObject([
      { level: 'error', message: expect.stringMatching(/not valid YAML/) },
    ]);
    expect(at('c-no-name.md')).toMatchObject([
      { line: 1, level: 'error', message: expect.stringMatching(/^name: /) },
    ]);
    expect(at('d-empty-term.md')).toMatchObject([
      { line: 5, level: 'error', message: expect.stringMatching(/^include\.1: /) },
    ]);
    expect(at('e-wordless.md')).toMatchObject([
      { line: 5, level: 'error', message: expect.stringMatching(/no letters or digits/) },
    ]);
    expect(at('F_Bad.md')).toMatchObject([
      { line: 1, level: 'error', message: expect.stringMatching(/must be a slug/) },
    ]);
    expect(at('g-include-not-list.md')).toMatchObject([
      { line: 3, level: 'error', message: expect.stringMatching(/^include: /) },
    ]);
  });

  it('warns about a missing description and a repeated term but keeps the topic', () => {
    write('w.md', '---\nname: W\ninclude:\n  - Reward model\n  - reward models\n---\n');
    const { topics, problems } = loadTopics(dir);
    expect(topics.map((t) => t.slug)).toEqual(['w']);
    expect(problems).toMatchObject([
      { line: 5, level: 'warning', message: expect.stringMatching(/repeats "Reward model"/) },
      { line: 1, level: 'warning', message: expect.stringMatching(/no description/) },
    ]);
  });

  it('renders a hostile description safely', () => {
    write(
      'x.md',
      '---\nname: X\ninclude:\n  - x\n---\n<script>alert(1)</script>\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n',
    );
    const [topic] = loadTopics(dir).topics;
    expect(topic!.descriptionHtml).not.toMatch(/<script|javascript:|onerror|<img/i);
  });

  it('warns about a missing folder and gives no topics', () => {
    expect(loadTopics(join(dir, 'missing'))).toMatchObject({
      topics: [],
      problems: [{ level: 'warning', line: 1 }],
    });
  });
});
