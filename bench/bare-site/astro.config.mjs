// @ts-check
// The floor the real site is compared to: bare Astro rendering one page per paper from JSON.
// Built by bench/build.bench.ts with this repo's node_modules (`astro build --root bench/bare-site`).
import { defineConfig } from 'astro/config';

export default defineConfig({
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
});
