/** Links out from a paper page: Hugging Face and arXiv, and labels for the paper's own links. */
import type { LinkKind, Paper } from '../lib/schema';

/** A labelled external link. */
export interface OutLink {
  label: string;
  href: string;
}

/** Hugging Face and arXiv pages of the paper, or title searches on both when its arXiv id is unknown. */
export function paperOutLinks(paper: Paper): OutLink[] {
  if (paper.arxivId) {
    return [
      { label: 'Hugging Face', href: `https://huggingface.co/papers/${paper.arxivId}` },
      { label: 'arXiv abstract', href: `https://arxiv.org/abs/${paper.arxivId}` },
      { label: 'PDF', href: `https://arxiv.org/pdf/${paper.arxivId}` },
    ];
  }
  const query = encodeURIComponent(paper.title);
  return [
    { label: 'Search Hugging Face', href: `https://huggingface.co/papers?q=${query}` },
    { label: 'Search arXiv', href: `https://arxiv.org/search/?searchtype=title&query=${query}` },
  ];
}

const KIND_LABELS: Record<LinkKind, string> = {
  code: 'Code',
  dataset: 'Dataset',
  model: 'Model',
  demo: 'Demo',
  video: 'Video',
  project: 'Project page',
  paper: 'Paper',
  other: 'Link',
};

/** Button text for a link found in the paper's text: its kind and where it goes. */
export function linkLabel(kind: LinkKind, href: string): string {
  let where = href;
  try {
    const parsed = new URL(href);
    where = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}`;
  } catch {
    // Keep the text as found.
  }
  if (where.length > 48) where = `${where.slice(0, 47)}…`;
  return `${KIND_LABELS[kind]}: ${where}`;
}

/** `2025-05-30` as `2025/05/30`, the form Google Scholar's `citation_*` tags ask for. */
export function citationDate(iso: string): string {
  return iso.replaceAll('-', '/');
}
