/** Reads a V8 `.cpuprofile` (from `node --cpu-prof`) into the functions that took the most self time. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One function's share of the profile. */
export interface HotSpot {
  /** `file:function:line` with the file relative to the project. */
  where: string;
  selfMs: number;
  selfPercent: number;
}

function location(frame: ProfileNode['callFrame'], root: string): string {
  let file = frame.url;
  if (file.startsWith('file://')) file = relative(root, fileURLToPath(file));
  const name = frame.functionName || '(anonymous)';
  return file ? `${file}:${name}:${frame.lineNumber + 1}` : name;
}

/**
 * The `top` functions by self time, the same summed per file, and functions by inclusive time
 * (self plus callees: what a whole step such as validation costs).
 */
export function hotSpots(
  profileFile: string,
  root: string,
  top = 20,
): { functions: HotSpot[]; files: HotSpot[]; inclusive: HotSpot[] } {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<string, number>();
  const fileUs = new Map<string, number>();
  const inclusiveUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += delta;
    const where = location(node.callFrame, root);
    selfUs.set(where, (selfUs.get(where) ?? 0) + delta);
    const file = where.includes(':') ? where.slice(0, where.indexOf(':')) : where;
    fileUs.set(file, (fileUs.get(file) ?? 0) + delta);
    // Each function once per sample, however deep its recursion.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame) onStack.add(location(frame.callFrame, root));
    }
    for (const name of onStack) inclusiveUs.set(name, (inclusiveUs.get(name) ?? 0) + delta);
  });
  const rank = (map: Map<string, number>): HotSpot[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({
        where,
        selfMs: Math.round(us / 1000),
        selfPercent: Math.round((us / total) * 1000) / 10,
      }));
  const inclusive = new Map(
    [...inclusiveUs].filter(([where]) => /^(?:src\/|node_modules\/zod\/v4\/classic)/.test(where)),
  );
  return { functions: rank(selfUs), files: rank(fileUs), inclusive: rank(inclusive) };
}
