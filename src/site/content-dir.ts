/** Where the build reads its content, in one place: the build's integrations and its data share it. */
import { resolve } from 'node:path';

/** The content folder the build reads: `CONTENT_DIR`, else `content/` in the working directory. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}
