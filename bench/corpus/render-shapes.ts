/**
 * Renders a generated day in each real shape of a scraped Daily Papers page, modelled on the real
 * copies (the seed; firecrawl Markdown; a NotebookLM export with URLs on their own lines; the
 * `/api/daily_papers` JSON), furniture included, so shape parsers read them as they read real ones.
 */
import { Random, type Featuring, type GeneratedDay } from './papers';

export const CORPUS_SHAPES = ['plain', 'markdown', 'urls-text', 'api-json'] as const;
export type CorpusShape = (typeof CORPUS_SHAPES)[number];

/** File name ending per shape: what a user would save each copy as. */
export const SHAPE_EXTENSIONS: Record<CorpusShape, string> = {
  plain: 'txt',
  markdown: 'md',
  'urls-text': 'txt',
  'api-json': 'json',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HF = 'https://huggingface.co';

/** `May 30`, as the page's date line shows a day. */
function dateLine(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
}

/** A card's published date: `May 29` in the page's year, `Mar 3, 2024` otherwise. */
function publishedLabel(published: string, pageDate: string): string {
  const label = dateLine(published);
  return published.slice(0, 4) === pageDate.slice(0, 4) ? label : `${label}, ${published.slice(0, 4)}`;
}

/** One day's file text in a shape; `previous` is the day before it in the corpus (the page's "Previous" link). */
export function renderDay(shape: CorpusShape, day: GeneratedDay, previous: string | undefined): string {
  const prev = previous ?? day.date;
  switch (shape) {
    case 'plain':
      return renderPlain(day);
    case 'markdown':
      return renderMarkdown(day, prev);
    case 'urls-text':
      return renderUrlsText(day, prev);
    case 'api-json':
      return renderApiJson(day);
  }
}

function renderPlain(day: GeneratedDay): string {
  const header = [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'byAK and the research community',
    dateLine(day.date),
  ];
  const body = day.featured.flatMap(({ paper }) => [paper.title, paper.abstract]);
  // The seed ends without a final newline; so do these.
  return [...header, ...body].join('\n\n');
}

/** Wraps text at about `width` columns on spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function markdownCard(featuring: Featuring, pageDate: string, random: Random): string {
  const { paper, upvotes } = featuring;
  const id = paper.arxivId;
  const page = `${HF}/papers/${id}`;
  let title = paper.title;
  let abstract = paper.abstract;
  if (paper.arxivWrapped) {
    // arXiv's hard wraps as firecrawl keeps them: `\  ` inside a title, `\\` ending abstract lines.
    if (title.length > 80) {
      const cut = title.lastIndexOf(' ', 72);
      title = `${title.slice(0, cut)}\\  ${title.slice(cut + 1)}`;
    }
    abstract = wrap(abstract, 80).join('\\\\\n');
  }
  let byline: string;
  if (paper.organization) {
    const avatar = `https://cdn-avatars.huggingface.co/v1/production/uploads/${random.hex(24)}/${random.hex(20)}.png`;
    byline = `[![${paper.organization.hub}](${avatar})${paper.organization.name}](${HF}/${paper.organization.hub})`;
  } else if (random.chance(0.5)) {
    const avatars = Array.from(
      { length: Math.min(paper.authors.length - 1, 3) },
      () => `- ![](${HF}/avatars/${random.hex(32)}.svg)\\\\\n`,
    ).join('');
    byline = `[${avatars}- ${paper.authors.length} authors](${page})`;
  } else {
    byline = `[- ${paper.authors.length} authors](${page})`;
  }
  const comments = paper.comments > 0 ? `[${paper.comments}](${page}#community)` : '';
  return [
    `[${upvotes === 0 ? '-' : upvotes}](${HF}/login?next=%2Fpapers%2F${id})`,
    `### [${title}](${page})`,
    `[${abstract}](${page})`,
    byline,
    '·',
    `${publishedLabel(paper.publishedAt, pageDate)}${comments}`,
  ].join('\n\n');
}

function renderMarkdown(day: GeneratedDay, previous: string): string {
  const url = `${HF}/papers/date/${day.date}`;
  const random = new Random(Number(day.date.replaceAll('-', '')));
  const frontMatter = [
    '---',
    `url: ${url}`,
    `retrieved: ${day.date}`,
    `command: firecrawl scrape ${url} --only-main-content --json`,
    'statusCode: 200',
    'transport: firecrawl-cli',
    'completeness: full',
    'title: Daily Papers - Hugging Face',
    '---',
  ].join('\n');
  const header = [
    'new',
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    `[Subscribe](${HF}/login?next=%2Fpapers)`,
    '# Daily Papers',
    `## by [![](${HF}/front/assets/papers-by.png)AK](${HF}/akhaliq) and the research community`,
    '- Daily\n- Weekly\n- Monthly',
    `[Trending Papers](${HF}/papers/trending)`,
    dateLine(day.date),
  ];
  const cards = day.featured.map((featuring) => markdownCard(featuring, day.date, random));
  const footer = [
    `[Previous](${HF}/papers/date/${previous})`,
    'Trending Papers ranked by GitHub stars activity',
  ];
  return `${frontMatter}\n${[...header, ...cards, ...footer].join('\n\n')}\n`;
}

const URLS_TEXT_NAVIGATION = [
  ' Hugging Face',
  `${HF}/`,
  ...['Models', 'Datasets', 'Spaces'].flatMap((name) => [name, `${HF}/${name.toLowerCase()}`]),
  'Buckets new',
  `${HF}/storage`,
  ...['Docs', 'Enterprise', 'Pricing'].flatMap((name) => [name, `${HF}/${name.toLowerCase()}`]),
  'Log In',
  `${HF}/login`,
  'Sign Up',
  `${HF}/join`,
];

const URLS_TEXT_FOOTER = [
  'System theme',
  'Company',
  'TOS',
  `${HF}/terms-of-service`,
  ' ',
  'Privacy',
  `${HF}/privacy`,
  ' ',
  'About',
  `${HF}/huggingface`,
  ' ',
  'Careers',
  'https://apply.workable.com/huggingface/',
  ' ',
  `${HF}/`,
  'Website',
  ...['Models', 'Datasets', 'Spaces', 'Pricing'].flatMap((name) => [
    name,
    `${HF}/${name.toLowerCase()}`,
    ' ',
  ]),
  'Docs',
  `${HF}/docs`,
  'Trending Papers ranked by GitHub stars activity',
];

function uuid(random: Random): string {
  return `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
}

function urlsTextCard({ paper, upvotes }: Featuring, pageDate: string): string[] {
  const page = `${HF}/papers/${paper.arxivId}`;
  const published = publishedLabel(paper.publishedAt, pageDate);
  const byline = paper.organization
    ? [page, ' ', page, ` ${paper.organization.name}`, `${HF}/${paper.organization.hub}`]
    : [page, '[', `${paper.authors.length} authors](${page})`];
  // With a comment count the date line keeps a trailing space, as the export has it.
  const dated =
    paper.comments > 0 ? [`${published} `, String(paper.comments), `${page}#community`] : [published];
  return [
    ` [-] ${upvotes === 0 ? '-' : upvotes}`,
    `${HF}/login?next=%2Fpapers%2F${paper.arxivId}`,
    paper.title,
    page,
    paper.abstract,
    ...byline,
    '·',
    ...dated,
  ];
}

function renderUrlsText(day: GeneratedDay, previous: string): string {
  const random = new Random(Number(day.date.replaceAll('-', '')));
  const frontMatter = [
    '---',
    `source_id: "${uuid(random)}"`,
    'title: "Daily Papers - Hugging Face"',
    `notebook_id: ${uuid(random)}`,
    `url: ${HF}/papers/date/${day.date}`,
    'type: web_page',
    `exported: ${day.date}`,
    '---',
    '',
    '# Daily Papers - Hugging Face',
    'Daily Papers - Hugging Face',
  ].join('\n');
  const header = [
    ...URLS_TEXT_NAVIGATION,
    'new',
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    'Subscribe',
    `${HF}/login?next=%2Fpapers`,
    'Daily Papers',
    'by ',
    'AK',
    `${HF}/akhaliq`,
    ' and the research community',
    'Daily',
    'Weekly',
    'Monthly ',
    `${HF}/papers/trending`,
    ' ',
    `${HF}/papers/date/${previous}`,
    dateLine(day.date),
  ];
  const cards = day.featured.flatMap((featuring) => urlsTextCard(featuring, day.date));
  const footer = ['Previous', `${HF}/papers/date/${previous}`, ...URLS_TEXT_FOOTER];
  return `${frontMatter}\n\n${[...header, ...cards, ...footer].join('\n\n')}\n`;
}

function renderApiJson(day: GeneratedDay): string {
  const random = new Random(Number(day.date.replaceAll('-', '')));
  const items = day.featured.map(({ paper, upvotes }) => {
    const submitter = {
      id: random.hex(24),
      avatar: `/avatars/${random.hex(32)}.svg`,
      name: paper.authors[0]!,
    };
    const user = submitter.name.toLowerCase().replace(' ', '-');
    const organization = paper.organization
      ? {
          _id: random.hex(24),
          name: paper.organization.hub,
          fullname: paper.organization.name,
          avatar: `https://cdn-uploads.huggingface.co/production/uploads/${random.hex(24)}/${random.hex(20)}.png`,
        }
      : undefined;
    const media = [
      `https://cdn-uploads.huggingface.co/production/uploads/${submitter.id}/${random.hex(20)}.webp`,
    ];
    const publishedAt = `${paper.publishedAt}T${String(random.int(0, 23)).padStart(2, '0')}:08:18.000Z`;
    return {
      paper: {
        id: paper.arxivId,
        authors: paper.authors.map((name) => ({ _id: random.hex(24), name, hidden: false })),
        mediaUrls: media,
        publishedAt,
        submittedOnDailyAt: `${day.date}T03:55:12.777Z`,
        title: paper.title,
        submittedOnDailyBy: {
          _id: submitter.id,
          avatarUrl: submitter.avatar,
          isPro: false,
          fullname: submitter.name,
          user,
          type: 'user',
        },
        summary: paper.abstract,
        upvotes,
        discussionId: random.hex(24),
        ...(paper.projectPage ? { projectPage: paper.projectPage } : {}),
        ...(paper.github
          ? { githubRepo: paper.github.url, githubRepoAddedBy: 'user', githubStars: paper.github.stars }
          : {}),
        ai_summary: paper.aiSummary,
        ai_keywords: paper.keywords,
        ...(organization ? { organization } : {}),
      },
      publishedAt,
      title: paper.title,
      summary: paper.abstract,
      mediaUrls: media,
      thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paper.arxivId}.png`,
      numComments: paper.comments,
      submittedBy: {
        _id: submitter.id,
        avatarUrl: submitter.avatar,
        fullname: submitter.name,
        name: user,
        type: 'user',
        isPro: false,
        isHf: false,
        isHfAdmin: false,
        isMod: false,
        followerCount: random.int(0, 300),
        isUserFollowing: false,
      },
      ...(organization ? { organization } : {}),
      isAuthorParticipating: false,
    };
  });
  return JSON.stringify(items);
}
