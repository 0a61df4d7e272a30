/**
 * Merging parsed days into papers: one record per paper however many days featured it.
 * Occurrences are sorted before anything is decided, so the result is the same whatever
 * order the files were read in.
 */
import { digestHash, idHash, keyDigest, paperId } from './ids';
import type { ParsedDay } from './parse/day-file';
import type { ScrapedPaper } from './parse/scraped-paper';
import { excerpt } from './parse/plain-text';
import { paperSchema, type Day, type Paper, type Problem } from './schema';
import { titleKey } from './text/normalize';
import { validateDay, validatePaper } from './fast-safe-parse';
import { HashedMap } from './hashed-map';
import { ShardedMap } from './sharded-map';

/** Papers, days and every problem found on the way. */
export interface MergedContent {
  /** Papers in order of first appearance: earliest day first, then page order. */
  papers: Paper[];
  /** Days, oldest first. */
  days: Day[];
  problems: Problem[];
  /** How many scraped papers were folded into an earlier record. */
  mergedDuplicates: number;
}

interface Occurrence {
  date: string;
  file: string;
  paper: ScrapedPaper;
  key: string;
  /** From a trending page, where every card is shown twice: a repeat there is expected. */
  repeatsCards: boolean;
  group: Group;
  /** The group's next occurrence, in occurrence order. */
  next: Occurrence | undefined;
}

/**
 * A paper's occurrences, as a list through `Occurrence.next`: most papers appear once, and an
 * array per group was two more objects for each that lived to the end of merging.
 */
interface Group {
  first: Occurrence;
  last: Occurrence;
  arxivId: string | undefined;
  /** The id its title key gives (see `paperId`), made when the group is: the key's sha256 is at hand then. */
  keyId: string;
  /** The record's id, once the record is valid. */
  id: string | undefined;
  /** The last day whose list has this paper (days are listed in date order, so one mark will do). */
  listedOn: string | undefined;
}

/** Merges parsed days; days without a settled date contribute only their problems. */
export function mergeDays(parsedDays: readonly ParsedDay[]): MergedContent {
  const problems: Problem[] = [];
  for (const day of parsedDays) for (const problem of day.problems) problems.push(problem);
  // Days in (date, file) order, each in page order, make occurrences sorted without sorting them all.
  const dated = parsedDays
    .filter((day) => day.date !== undefined)
    .sort((a, b) => compare(a.date!, b.date!) || compare(a.file, b.file));
  // Made at full size, as are the groups and papers: an array pushed to 40,000 entries is copied
  // whole at each step it grows.
  let cards = 0;
  for (const day of dated) cards += day.papers.length;
  const occurrences = new Array<Occurrence>(cards);
  let count = 0;
  const grouping = new Grouping(cards);
  for (const day of dated) {
    const repeatsCards = day.trending === true;
    const inOrder = inPageOrder(day.papers);
    // The parser's keys, unless the papers had to be put in page order.
    const keys = inOrder === day.papers ? day.keys : undefined;
    for (let i = 0; i < inOrder.length; i++) {
      const paper = inOrder[i]!;
      // Every field in the literal (`group` is set at once): a field added later costs a second store.
      const occurrence: Occurrence = {
        date: day.date!,
        file: day.file,
        paper,
        key: keys?.[i] ?? titleKey(paper.title),
        repeatsCards,
        group: undefined!,
        next: undefined,
      };
      grouping.add(occurrence);
      occurrences[count++] = occurrence;
    }
  }
  const groups = grouping.finish();

  const papers = new Array<Paper>(groups.length);
  let published = 0;
  const usedIds = new HashedMap<true>(groups.length);
  // Indexed loops here and over the occurrences: the iterator's results were allocated for each.
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const record = toRecord(group, problems);
    // An invalid record gives its id back.
    let claimed = usedIds.set(record.id, idHash(record.id), true);
    if (!claimed) {
      // Only two different papers with the same title reach this: the arXiv id tells them apart.
      const { first } = group;
      record.id = paperId(`${first.key}\u0000${group.arxivId ?? first.file + first.paper.line}`);
      claimed = usedIds.set(record.id, idHash(record.id), true);
    }
    const checked = validatePaper(record);
    if (!checked.success) {
      if (claimed) usedIds.delete(record.id, idHash(record.id));
      const { first } = group;
      const issue = checked.error.issues[0]!;
      problems.push({
        file: first.file,
        line: first.paper.line,
        level: 'error',
        message: `"${excerpt(first.paper.title)}" is not a valid record: ${issue.path.join('.')}: ${issue.message}`,
      });
      continue;
    }
    group.id = record.id;
    papers[published++] = checked.data;
  }
  usedIds.release();
  papers.length = published;
  return {
    papers,
    days: buildDays(parsedDays, occurrences),
    problems,
    mergedDuplicates: cards - groups.length,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A day's papers by line; shapes already emit them so, and then the array is returned as it is. */
function inPageOrder(papers: readonly ScrapedPaper[]): readonly ScrapedPaper[] {
  for (let i = 1; i < papers.length; i++) {
    if (papers[i]!.line < papers[i - 1]!.line) return [...papers].sort((a, b) => a.line - b.line);
  }
  return papers;
}

/** Whether an occurrence with `arxivId` may join `group` (no conflicting arXiv ids). */
function fits(group: Group, arxivId: string | undefined): boolean {
  return !arxivId || !group.arxivId || group.arxivId === arxivId;
}

/**
 * Groups occurrences, given in order, by paper: same arXiv id, or same title key without a
 * conflicting id.
 */
class Grouping {
  private readonly groups: Group[];
  private count = 0;
  /** The first group seen with each key; nearly every key has only that one, so no list per key. */
  private readonly byKey: HashedMap<Group>;
  /** Later groups with a key already taken: same title, different arXiv ids. */
  private readonly laterByKey = new Map<string, Group[]>();
  private readonly byArxiv = new ShardedMap<Group>();

  /** `expected`: how many occurrences there will be. */
  constructor(expected: number) {
    this.groups = new Array<Group>(expected);
    this.byKey = new HashedMap<Group>(expected);
  }

  /** Puts `occurrence` in its paper's group, which it starts if it is the paper's first. */
  add(occurrence: Occurrence): void {
    const { key } = occurrence;
    // The digest is wanted only for a new group's id: for the other occurrences it dies young.
    const digest = keyDigest(key);
    const hash = digestHash(digest);
    const arxivId = occurrence.paper.arxivId;
    const firstWithKey = this.byKey.get(key, hash);
    let group = arxivId ? this.byArxiv.get(arxivId) : undefined;
    if (!group && firstWithKey) {
      group = fits(firstWithKey, arxivId)
        ? firstWithKey
        : this.laterByKey.get(key)?.find((candidate) => fits(candidate, arxivId));
    }
    if (group) {
      group.last.next = occurrence;
      group.last = occurrence;
    } else {
      group = {
        first: occurrence,
        last: occurrence,
        arxivId: undefined,
        keyId: paperId(key, digest),
        id: undefined,
        listedOn: undefined,
      };
      this.groups[this.count++] = group;
    }
    occurrence.group = group;
    if (arxivId && !group.arxivId) {
      group.arxivId = arxivId;
      this.byArxiv.set(arxivId, group);
    }
    if (!firstWithKey) this.byKey.set(key, hash, group);
    else if (group !== firstWithKey) {
      const later = this.laterByKey.get(key);
      if (!later) this.laterByKey.set(key, [group]);
      else if (!later.includes(group)) later.push(group);
    }
  }

  /** The groups, in the order of their first occurrences. */
  finish(): Group[] {
    this.byKey.release();
    this.groups.length = this.count;
    return this.groups;
  }
}

const CORE_FIELDS = ['id', 'title', 'abstract', 'dates', 'links', 'source'] as const;
/** Fields only richer scrapes carry. */
type RichFields = Omit<Paper, (typeof CORE_FIELDS)[number]>;
/** The rich fields in the schema's order. */
const RICH_FIELDS = Object.keys(paperSchema.shape).filter(
  (field) => !(CORE_FIELDS as readonly string[]).includes(field),
) as (keyof RichFields)[];

/**
 * The group's record, its id from the title key (see `mergeDays` for ids taken already). Its
 * fields are set in the schema's order, the order a validated record keeps.
 */
function toRecord(group: Group, problems: Problem[]): Paper {
  const { first } = group;
  if (first.next === undefined) {
    const record = coreRecord(group, first.paper.abstract, [first.date], first.paper.links);
    // One scrape sets each field once, in the schema's order.
    applyRichFields(record, first.paper);
    return record;
  }
  const dates = [first.date];
  let { abstract } = first.paper;
  // Shared with the scraped paper until a later occurrence adds a link; nothing changes either after merging.
  let links = first.paper.links;
  const rich: RichFields = {};
  applyRichFields(rich, first.paper);
  let seenUrls: Set<string> | undefined;
  for (let occurrence: Occurrence | undefined = first.next; occurrence; occurrence = occurrence.next) {
    const { paper } = occurrence;
    if (occurrence.date === dates[dates.length - 1]) {
      let earlier = first;
      while (earlier.date !== occurrence.date) earlier = earlier.next!;
      if (earlier.file === occurrence.file && !occurrence.repeatsCards) {
        problems.push({
          file: occurrence.file,
          line: paper.line,
          level: 'warning',
          message: `"${excerpt(paper.title)}" appears again on this day (first at line ${earlier.paper.line}): merged into one paper`,
        });
      }
    } else {
      dates.push(occurrence.date);
    }
    if (abstract === '' && paper.abstract !== '') abstract = paper.abstract;
    for (const link of paper.links) {
      if (!seenUrls) {
        seenUrls = new Set(links.map((known) => known.url));
        links = [...links];
      }
      if (!seenUrls.has(link.url)) {
        seenUrls.add(link.url);
        links.push(link);
      }
    }
    applyRichFields(rich, paper);
  }
  return withRichFields(coreRecord(group, abstract, dates, links), rich);
}

/** The fields every record has, from its first occurrence and what later ones added. */
function coreRecord(group: Group, abstract: string, dates: string[], links: Paper['links']): Paper {
  const { first } = group;
  return {
    id: group.keyId,
    title: first.paper.title,
    abstract,
    dates,
    links,
    source: { file: first.file, line: first.paper.line },
  };
}

/**
 * Sets on `target` (a record, or the fields gathered for one) the fields only richer scrapes carry:
 * the latest scrape that has one wins (upvotes keep growing).
 */
function applyRichFields(target: RichFields, paper: ScrapedPaper): void {
  if (paper.arxivId) target.arxivId = paper.arxivId;
  if (paper.authors?.length) target.authors = paper.authors;
  if (paper.authorCount) target.authorCount = paper.authorCount;
  else if (paper.authors?.length) target.authorCount = paper.authors.length;
  if (paper.upvotes !== undefined) target.upvotes = paper.upvotes;
  if (paper.organization) target.organization = paper.organization;
  if (paper.publishedAt) target.publishedAt = paper.publishedAt;
  if (paper.github) target.github = paper.github;
  if (paper.comments !== undefined) target.comments = paper.comments;
  if (paper.summary) target.summary = paper.summary;
}

/** `record` with the rich fields added in the schema's order, whatever order scrapes gave them in. */
function withRichFields(record: Paper, rich: RichFields): Paper {
  for (const key of RICH_FIELDS) {
    if (rich[key] !== undefined) (record as Record<string, unknown>)[key] = rich[key];
  }
  return record;
}

function buildDays(parsedDays: readonly ParsedDay[], occurrences: readonly Occurrence[]): Day[] {
  const byDate = new Map<string, Day>();
  for (const parsed of parsedDays) {
    if (!parsed.date) continue;
    let day = byDate.get(parsed.date);
    if (!day) {
      day = { date: parsed.date, files: [], paperIds: [] };
      byDate.set(parsed.date, day);
    }
    day.files.push(parsed.file);
    day.sourceUrl ??= parsed.sourceUrl;
    day.scrapedAt ??= parsed.scrapedAt;
  }
  // Occurrences are sorted by day, file and line: that is page order, and a day's are together.
  for (let i = 0; i < occurrences.length; i++) {
    const occurrence = occurrences[i]!;
    const { group } = occurrence;
    if (group.id && group.listedOn !== occurrence.date) {
      group.listedOn = occurrence.date;
      byDate.get(occurrence.date)!.paperIds.push(group.id);
    }
  }
  return [...byDate.values()]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((day) => {
      const checked = validateDay({ ...day, files: day.files.sort() });
      if (!checked.success) throw checked.error;
      return checked.data;
    });
}
