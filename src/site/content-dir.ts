/** Where the build reads its content, in one place: the build's integrations and its data share it. */
import { resolve } from 'node:path';

let resolved: { from: string; dir: string } | undefined;

/** The content folder the build reads: `CONTENT_DIR`, else `content/` in the working directory. */
export function contentDir(): string {
  // Asked for on every page: resolve the path again only when the setting or folder changed.
  const from = `${process.cwd()}\0${process.env.CONTENT_DIR ?? 'content'}`;
  if (resolved?.from !== from) resolved = { from, dir: resolve(process.env.CONTENT_DIR ?? 'content') };
  return resolved.dir;
}
