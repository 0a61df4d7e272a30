/**
 * The one schema module: every record the project reads, builds or publishes is defined here.
 * Pure zod 4 (deduplicated with Astro's own copy), no `astro:*` imports, so the CLI, the tests
 * and the Astro loader all validate against the same definitions.
 */
import { z } from 'zod';

/** Calendar day as `YYYY-MM-DD`, checked to be a real date (no 2025-02-30). */
export const isoDateSchema = z.iso.date();

/** What a link found in a paper's text points at; decides the button a paper page shows for it. */
export const LINK_KINDS = ['code', 'dataset', 'model', 'demo', 'video', 'project', 'paper', 'other'] as const;

/** One of {@link LINK_KINDS}. */
export const linkKindSchema = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof linkKindSchema>;

/** A URL found in a paper's abstract (or given by a richer scrape), with what it points at. */
export const linkSchema = z.object({
  /** Absolute `http(s)` URL, with no punctuation of the surrounding sentence glued on. */
  url: z.string().regex(/^https?:\/\/\S+$/, 'must be an absolute http(s) URL'),
  /** What the URL points at, read from its host and path. */
  kind: linkKindSchema,
});
export type Link = z.infer<typeof linkSchema>;

/** Where a piece of input was read: the file (relative to the content root or as given) and its 1-based line. */
export const sourceSchema = z.object({
  /** File path as the user gave it, or relative to the project root for shipped content. */
  file: z.string().min(1),
  /** 1-based line number of the paper's title in that file. */
  line: z.number().int().positive(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A GitHub repository named by a richer scrape. */
export const githubRepoSchema = z.object({
  /** Repository URL, `https://github.com/<owner>/<name>`. */
  url: z.string().regex(/^https:\/\/github\.com\/[^/\s]+\/[^/\s]+$/),
  /** Stars as shown on the page when it was scraped (`11.3k` becomes 11300). */
  stars: z.number().int().nonnegative().optional(),
});

/** Permalink slug: lowercase ASCII letters, digits and hyphens, safe in any URL path. */
export const paperIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a URL-safe slug');

/**
 * One paper as the site publishes it: every day it was featured merged into one record.
 * Fields after `source` come only from richer scrapes and are absent for the plain text format.
 */
export const paperSchema = z.object({
  /** Permanent, URL-safe id: the paper page is `/papers/<id>/`. Never changes once published. */
  id: paperIdSchema,
  /** Title exactly as scraped, whitespace-normalized and Unicode NFC. */
  title: z.string().min(1).max(300),
  /**
   * Abstract exactly as scraped (`\url{x}` unwrapped to `x`, math kept as written); paragraphs are
   * separated by a blank line. Empty when the scrape had none (a warning was reported).
   */
  abstract: z.string(),
  /** Every ISO day the paper was featured, ascending, without repeats. */
  dates: z.array(isoDateSchema).min(1),
  /** URLs found in the abstract (and given by richer scrapes), in order of first appearance. */
  links: z.array(linkSchema),
  /** Where the paper was first seen: earliest day, then file, then line. */
  source: sourceSchema,
  /** arXiv identifier such as `2405.12345`, when the scrape carried a `/papers/<id>` link. */
  arxivId: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/)
    .optional(),
  /** Author names in order, when the scrape listed them. */
  authors: z.array(z.string().min(1)).optional(),
  /** Number of authors, when the scrape showed only a count (`12 authors`) or the list. */
  authorCount: z.number().int().positive().optional(),
  /** Upvotes on the Daily Papers page at the latest scrape (`-` counts as 0). */
  upvotes: z.number().int().nonnegative().optional(),
  /** Organisation the page credits the paper to. */
  organization: z.string().min(1).optional(),
  /** Day the paper was published on arXiv, when the scrape showed it. */
  publishedAt: isoDateSchema.optional(),
  /** The paper's GitHub repository, when the scrape showed one. */
  github: githubRepoSchema.optional(),
  /** Number of comments on the Daily Papers page at the latest scrape. */
  comments: z.number().int().nonnegative().optional(),
  /** Machine-written one-sentence summary (trending pages, the API); never shown as the abstract. */
  summary: z.string().min(1).optional(),
});
export type Paper = z.infer<typeof paperSchema>;

/** One featured day: its papers in the order the page listed them. */
export const daySchema = z.object({
  /** The day, `YYYY-MM-DD`; also the day page's URL segment. */
  date: isoDateSchema,
  /** The file(s) the day was read from. */
  files: z.array(z.string().min(1)).min(1),
  /** Ids of the day's papers in page order, each once. */
  paperIds: z.array(paperIdSchema),
  /** URL of the scraped page, from front matter `source`. */
  sourceUrl: z.string().optional(),
  /** When the page was scraped, from front matter `scraped_at`. */
  scrapedAt: z.string().optional(),
});
export type Day = z.infer<typeof daySchema>;

/** How bad a problem is: errors fail `check`, `parse` and the build; warnings are printed and published around. */
export const problemLevelSchema = z.enum(['error', 'warning']);
export type ProblemLevel = z.infer<typeof problemLevelSchema>;

/** One problem found in the input, printed as `file:line: level: message`. */
export const problemSchema = z.object({
  /** File the problem is in. */
  file: z.string(),
  /** 1-based line; 1 for problems of the whole file. */
  line: z.number().int().positive(),
  /** Error (nothing of that input published) or warning (published with the stated fix). */
  level: problemLevelSchema,
  /** One line saying what is wrong and, where it helps, how to fix it. */
  message: z.string().min(1),
});
export type Problem = z.infer<typeof problemSchema>;

/** Front matter a day file may start with (YAML, read with gray-matter). Unknown keys are kept out. */
export const dayFrontMatterSchema = z.object({
  /** The featured day; overrides the file name's date. */
  date: isoDateSchema.optional(),
  /** URL of the page the text was scraped from. */
  source: z.string().optional(),
  /** When the text was scraped (any date or date-time text). */
  scraped_at: z.string().optional(),
});
export type DayFrontMatter = z.infer<typeof dayFrontMatterSchema>;

/**
 * Front matter of a topic file `content/topics/<slug>.md` (YAML, read with gray-matter); the file
 * name is the slug and the Markdown body the description. Unknown keys are kept out.
 */
export const topicFrontMatterSchema = z.object({
  /** Name the site shows for the topic, such as `Machine translation`. */
  name: z.string().trim().min(1, 'must be a non-empty name'),
  /**
   * Words and phrases that put a paper in the topic, matched on word boundaries, case-insensitive,
   * with plurals folded (`reward model` also matches `Reward Models`). At least one.
   */
  include: z.array(z.string().trim().min(1, 'must not be an empty term')).min(1, 'needs at least one term'),
  /** Words and phrases that keep a paper out of the topic whatever else matched. */
  exclude: z.array(z.string().trim().min(1, 'must not be an empty term')).default([]),
});
export type TopicFrontMatter = z.infer<typeof topicFrontMatterSchema>;
