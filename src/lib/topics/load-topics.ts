/**
 * Reading the topic taxonomy: one Markdown file per topic under `content/topics/`, its YAML front
 * matter naming the topic and the terms that put papers in it, its body describing it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { markdownToSafeHtml } from '../html/markdown-html';
import { ProblemList } from '../problems';
import { topicFrontMatterSchema, type Problem } from '../schema';
import { tokenize } from './tokenize';

/** One topic, ready for assignment and for its pages. */
export interface Topic {
  /** URL segment of `/topics/<slug>/`: the file name without `.md`. */
  slug: string;
  /** Name shown on the site. */
  name: string;
  /** Words and phrases that put a paper in the topic, as written in the file. */
  include: string[];
  /** Words and phrases that keep a paper out of the topic, as written in the file. */
  exclude: string[];
  /** The Markdown body rendered to sanitized HTML; safe to inject. */
  descriptionHtml: string;
  /** Path of the topic file, as `dir` was given joined with the file name. */
  file: string;
}

/** Topic slugs: lowercase ASCII words joined by single hyphens, safe in any URL path. */
export const TOPIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const OPENING = /^\ufeff?---[ \t]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads every `<dir>/*.md` topic file, sorted by slug. A file with an error is left out and
 * reported with its line; warnings (no description, repeated terms) keep the topic.
 * A missing folder is a warning (a site without topics), an empty one gives no topics silently.
 */
export function loadTopics(dir: string): { topics: Topic[]; problems: Problem[] } {
  if (!existsSync(dir)) {
    return {
      topics: [],
      problems: [
        {
          file: dir,
          line: 1,
          level: 'warning',
          message: 'no topics folder: the site is built without topics',
        },
      ],
    };
  }
  // Sorted by slug, not by file name: `.` sorts after `-`, so `a.md` would come after `a-b.md`.
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
  const topics: Topic[] = [];
  const problems: Problem[] = [];
  for (const slug of names) {
    const file = join(dir, `${slug}.md`);
    const list = new ProblemList(file);
    const topic = parseTopicFile(readFileSync(file, 'utf8'), file, slug, list);
    problems.push(...list.items);
    if (topic && !list.hasErrors) topics.push(topic);
  }
  return { topics, problems };
}

/** Parses one topic file's text; reports into `problems` and returns undefined when it cannot be used. */
export function parseTopicFile(
  text: string,
  file: string,
  slug: string,
  problems: ProblemList,
): Topic | undefined {
  if (!TOPIC_SLUG.test(slug)) {
    problems.error(1, `file name "${slug}.md" must be a slug: lowercase letters, digits and single hyphens`);
  }
  const opening = OPENING.exec(text);
  const close = opening ? CLOSING.exec(text.slice(opening[0].length - 1)) : null;
  if (!opening || !close) {
    problems.error(1, 'a topic file must start with YAML front matter between `---` lines (name, include)');
    return undefined;
  }
  const end = opening[0].length - 1 + close.index + close[0].length;
  let raw: unknown;
  try {
    // Options turn off gray-matter's cache of every text it has seen.
    raw = matter(text.slice(0, end).replace(/^\ufeff/, ''), {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason =
      error instanceof Error ? ((error as { reason?: string }).reason ?? error.message) : String(error);
    problems.error(
      typeof mark?.line === 'number' ? mark.line + 2 : 1,
      `front matter is not valid YAML: ${reason}`,
    );
    return undefined;
  }
  const parsed = topicFrontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [key, index] = issue.path;
      const where = issue.path.length ? issue.path.join('.') : 'front matter';
      problems.error(lineOf(text, end, key, index), `${where}: ${issue.message}`);
    }
    return undefined;
  }
  const { name, include, exclude } = parsed.data;
  checkTerms(text, end, 'include', include, problems);
  checkTerms(text, end, 'exclude', exclude, problems);
  const body = text.slice(end);
  if (!body.trim())
    problems.warn(1, 'topic has no description: write one in Markdown after the front matter');
  return { slug, name, include, exclude, descriptionHtml: markdownToSafeHtml(body), file };
}

/** Reports terms that have no words (`"!!"`) as errors and repeated terms as warnings. */
function checkTerms(text: string, end: number, key: string, terms: string[], problems: ProblemList): void {
  const seen = new Map<string, string>();
  terms.forEach((term, index) => {
    const folded = tokenize(term).join(' ');
    if (!folded) {
      problems.error(
        lineOf(text, end, key, index),
        `${key}[${index}] "${term}" has no letters or digits to match`,
      );
    } else if (seen.has(folded)) {
      problems.warn(
        lineOf(text, end, key, index),
        `${key}[${index}] "${term}" repeats "${seen.get(folded)}"`,
      );
    } else {
      seen.set(folded, term);
    }
  });
}

/**
 * Best-effort 1-based line of front matter key `key` (and of its `index`-th list item) for messages;
 * 1 when the key is absent.
 */
function lineOf(
  text: string,
  end: number,
  key: PropertyKey | undefined,
  index: PropertyKey | undefined,
): number {
  if (typeof key !== 'string') return 1;
  const lines = text.slice(0, end).split(/\r?\n/);
  const keyLine = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (keyLine < 0) return 1;
  if (typeof index !== 'number') return keyLine + 1;
  let item = -1;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line)) break;
    if (/^\s*-\s/.test(line) && ++item === index) return i + 1;
  }
  return keyLine + 1;
}
