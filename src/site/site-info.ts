/** The site's name and tagline, shown in the header, titles, feeds and meta tags. */
export const SITE_NAME = 'paper-digest';
export const SITE_TAGLINE =
  'Hugging Face Daily Papers, one permanent page per paper, browsable by day and topic.';
