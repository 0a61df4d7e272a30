/**
 * The shape-independent model of a generated corpus: papers with every field a rich scrape
 * carries, and the weekdays that featured them. Every shape renders this same model, so all
 * shapes of one seed hold the same papers.
 */
import {
  ADJECTIVES,
  AREAS,
  BASELINES,
  BENCHMARKS,
  FILLERS,
  FIRST_NAMES,
  GITHUB_ORGS,
  LAST_NAMES,
  COMPLEXITIES,
  MATH_SENTENCES,
  METHODS,
  METRICS,
  ORGANIZATIONS,
  PROBLEMS,
  SYLLABLES,
  TASKS,
  TITLE_OPENERS,
  VERB_PHRASES,
} from './vocabulary';

/** A seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Lowercase hex digits, for avatar paths and uuids. */
  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return out;
  }

  /** Triangular distribution: realistic lengths without long tails. */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const split = (mode - min) / (max - min);
    return u < split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
}

/** One generated paper, with the fields the richest shape (the API JSON) carries. */
export interface GeneratedPaper {
  /** 0-based, in order of first appearance. */
  index: number;
  /** The coined method name: a word no other paper uses, a unique search target. */
  name: string;
  title: string;
  abstract: string;
  arxivId: string;
  authors: string[];
  organization?: { hub: string; name: string };
  /** `YYYY-MM-DD` the paper appeared on arXiv. */
  publishedAt: string;
  github?: { url: string; stars: number };
  projectPage?: string;
  comments: number;
  aiSummary: string;
  keywords: string[];
  /** Whether Markdown copies show it with arXiv's hard wraps (as older papers are). */
  arxivWrapped: boolean;
}

/** One paper as featured on one day. */
export interface Featuring {
  paper: GeneratedPaper;
  upvotes: number;
}

export interface GeneratedDay {
  /** `YYYY-MM-DD`, a weekday. */
  date: string;
  featured: Featuring[];
}

export interface CorpusModel {
  papers: GeneratedPaper[];
  days: GeneratedDay[];
  /** Featurings beyond a paper's first day. */
  repeats: number;
}

/** First featured day: a Monday, so corpora span whole years of weekdays. */
const FIRST_DAY = Date.UTC(2022, 0, 3);
const DAY_MS = 86_400_000;
/** Share of papers featured again on a later day. */
const REPEAT_SHARE = 0.05;

/** Builds the model: `papers` distinct papers over weekdays, about `perDay` a day. */
export function buildModel(papers: number, seed: number, perDay = 40): CorpusModel {
  if (papers > SYLLABLES.length ** 4) throw new Error(`at most ${SYLLABLES.length ** 4} papers`);
  const random = new Random(seed);
  const arxivCounters = new Map<string, number>();
  const takenTitles = new Set<string>();
  const days: GeneratedDay[] = [];
  const scheduled = new Map<number, Featuring[]>();
  const all: GeneratedPaper[] = [];
  let repeats = 0;
  let time = FIRST_DAY;
  for (let dayIndex = 0; all.length < papers; dayIndex++) {
    while ([0, 6].includes(new Date(time).getUTCDay())) time += DAY_MS;
    const date = new Date(time).toISOString().slice(0, 10);
    const count = Math.min(papers - all.length, Math.round(perDay * (0.6 + 0.8 * random.next())));
    const featured: Featuring[] = [];
    for (let i = 0; i < count; i++) {
      const paper = makePaper(all.length, date, random, arxivCounters, takenTitles, seed);
      all.push(paper);
      featured.push({ paper, upvotes: upvotes(random) });
      if (random.chance(REPEAT_SHARE)) {
        const later = dayIndex + random.int(1, 30);
        const list = scheduled.get(later) ?? [];
        list.push({ paper, upvotes: upvotes(random) + 5 });
        scheduled.set(later, list);
      }
    }
    for (const again of scheduled.get(dayIndex) ?? []) {
      featured.splice(random.int(0, featured.length), 0, again);
      repeats++;
    }
    scheduled.delete(dayIndex);
    days.push({ date, featured });
    time += DAY_MS;
  }
  return { papers: all, days, repeats };
}

function upvotes(random: Random): number {
  return random.chance(0.2) ? 0 : Math.floor(Math.exp(random.next() * 5.5));
}

/** A coined name, unique per index: the index spread over four syllables by a bijection. */
function coinName(index: number, seed: number): string {
  const base = SYLLABLES.length;
  const space = base ** 4;
  // 7919 is prime and coprime with 24^4, so this permutes [0, space): no two papers share a name.
  let code = (((index + seed) % space) * 7919) % space;
  let name = '';
  for (let i = 0; i < 4; i++) {
    name += SYLLABLES[code % base];
    code = Math.floor(code / base);
  }
  return name[0]!.toUpperCase() + name.slice(1);
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'for',
  'of',
  'in',
  'on',
  'with',
  'and',
  'to',
  'via',
  'from',
  'by',
]);

function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/^[a-z]/, (c) => c.toUpperCase()),
    )
    .join(' ');
}

/** `a word` or `an word`, by the word's first letter. */
function article(word: string): string {
  return `${/^(?:[aeio]|u(?!ni|s))/i.test(word) ? 'an' : 'a'} ${word}`;
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A title no earlier paper has (compared case-insensitively), so distinct papers stay distinct. */
function makeTitle(name: string, random: Random, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const area = titleCase(random.pick(AREAS));
    const task = titleCase(random.pick(TASKS));
    const adjective = titleCase(random.pick(ADJECTIVES));
    const method = titleCase(random.pick(METHODS));
    const variant = random.pick(['', '', '-RAG', 'Bench', '-7B', '-R1', 'LM']);
    const label = name + variant;
    let title = random.pick([
      () => `${label}: ${adjective} ${method} for ${task} in ${area}`,
      () => `${label}: Towards ${adjective} ${task} with ${area}`,
      () => `${random.pick(TITLE_OPENERS)} ${area} for ${task}: ${label}, ${article(adjective)} ${method}`,
      () => `Can ${area} Master ${task}? ${capitalize(article(adjective))} ${method} Study`,
      () => `${label}: ${capitalize(article(method))} for Evaluating ${area} on ${task}`,
      () => `${random.pick(TITLE_OPENERS)} ${task} via ${adjective} ${area}`,
    ])();
    while (title.length < 60) title += ` in ${titleCase(random.pick(AREAS))}`;
    if (title.length > 150) {
      if (attempt < 20) continue;
      title = title.slice(0, title.lastIndexOf(' ', 150));
    }
    const key = title.toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      return title;
    }
  }
}

function makeAbstract(paper: GeneratedPaper, random: Random): string {
  const target = random.triangular(1000, 1600, 2400);
  const name = paper.name;
  const area = random.pick(AREAS);
  const [task, task2] = [random.pick(TASKS), random.pick(TASKS)];
  const sentences = [
    random.pick([
      () => `${capitalize(area)} have achieved remarkable progress in ${task} and ${task2}.`,
      () => `Recent advances in ${area} have enabled impressive results on ${task}.`,
      () =>
        `${capitalize(area)} are increasingly deployed for ${task}, yet their behavior on ${task2} remains poorly understood.`,
    ])(),
    `However, ${random.pick(PROBLEMS)}.`,
    `In this work, we ${random.pick(['propose', 'introduce', 'present'])} ${name}, ${article(random.pick(ADJECTIVES))} ${random.pick(METHODS)} that ${random.pick(VERB_PHRASES)}.`,
  ];
  const closing: string[] = [];
  const evaluation =
    `Experiments on ${random.pick(BENCHMARKS)}, ${random.pick(BENCHMARKS)} and ${random.pick(BENCHMARKS)} show that ` +
    `${name} improves ${random.pick(METRICS)} by ${random.int(2, 35)}.${random.int(0, 9)}% over ${random.pick(BASELINES)}, ` +
    `and outperforms ${random.pick(BASELINES)} on ${random.pick(TASKS)}.`;
  if (paper.github) closing.push(`Code is available at ${paper.github.url}.`);
  if (random.chance(0.1)) {
    closing.push(
      `We release the dataset at https://huggingface.co/datasets/${random.pick(GITHUB_ORGS)}/${name}.`,
    );
  }
  if (paper.projectPage) closing.push(`Project page: ${paper.projectPage}`);
  const reserved = evaluation.length + closing.join(' ').length;
  let length = sentences.join(' ').length;
  while (length + reserved < target) {
    const sentence = random.pick([
      () => `${name} ${random.pick(VERB_PHRASES)} and ${random.pick(VERB_PHRASES)}.`,
      () =>
        `To this end, we design ${article(random.pick(ADJECTIVES))} ${random.pick(METHODS)} that reduces the cost from ${random.pick(COMPLEXITIES)} to linear in the sequence length.`,
      () =>
        `Unlike prior ${random.pick(METHODS)}s, our approach ${random.pick(VERB_PHRASES)} while keeping inference cost unchanged.`,
      () => random.pick(FILLERS),
      () => random.pick(FILLERS),
      () => random.pick(MATH_SENTENCES),
      () =>
        `We construct a new dataset of ${random.int(2, 900)},${random.int(100, 999)} examples covering ${random.pick(TASKS)} and ${random.pick(TASKS)}.`,
      () =>
        `On ${random.pick(BENCHMARKS)}, ${name} reaches ${random.int(40, 98)}.${random.int(0, 9)} ${random.pick(METRICS)} with ${random.pick(COMPLEXITIES)} memory.`,
    ])();
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return [...sentences, evaluation, ...closing].join(' ');
}

function makePaper(
  index: number,
  featuredOn: string,
  random: Random,
  arxivCounters: Map<string, number>,
  takenTitles: Set<string>,
  seed: number,
): GeneratedPaper {
  const name = coinName(index, seed);
  // Most featured papers are days old; a few are older work resurfacing.
  const ageDays = random.chance(0.9) ? random.int(0, 10) : random.int(30, 900);
  const published = new Date(Date.parse(featuredOn) - ageDays * DAY_MS).toISOString().slice(0, 10);
  const month = published.slice(2, 4) + published.slice(5, 7);
  const counter = (arxivCounters.get(month) ?? random.int(100, 900)) + random.int(1, 12);
  arxivCounters.set(month, counter);
  const authorCount = random.int(1, 14);
  const authors = Array.from(
    { length: authorCount },
    () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
  );
  const org = random.chance(0.35) ? random.pick(ORGANIZATIONS) : undefined;
  const slug = name.toLowerCase();
  const paper: GeneratedPaper = {
    index,
    name,
    title: makeTitle(name, random, takenTitles),
    abstract: '',
    arxivId: `${month}.${String(counter).padStart(5, '0')}`,
    authors,
    ...(org ? { organization: { hub: org[0], name: org[1] } } : {}),
    publishedAt: published,
    ...(random.chance(0.4)
      ? {
          github: {
            url: `https://github.com/${random.pick(GITHUB_ORGS)}/${name}`,
            stars: Math.floor(Math.exp(random.next() * 9)),
          },
        }
      : {}),
    ...(random.chance(0.05) ? { projectPage: `https://${slug}.github.io` } : {}),
    comments: random.chance(0.4) ? random.int(1, 12) : 0,
    aiSummary: '',
    keywords: [random.pick(AREAS), random.pick(TASKS), random.pick(METHODS), name],
    arxivWrapped: random.chance(0.3),
  };
  paper.abstract = makeAbstract(paper, random);
  paper.aiSummary = `${name} ${random.pick(VERB_PHRASES)} to improve ${random.pick(TASKS)} for ${random.pick(AREAS)}.`;
  return paper;
}
