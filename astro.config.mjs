// @ts-check
import { defineConfig } from 'astro/config';

// BASE_PATH (`/digest/` for a GitHub Pages project site) and SITE_URL (`https://user.github.io`)
// make every link, asset and absolute URL carry the right prefix.
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'https://example.org';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
