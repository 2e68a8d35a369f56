/** `.execplan/use.json`: the plan named with `execplan use`, in a folder git ignores. */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ignoreInGit } from './cache.js';
import { readJson } from './on-disk.js';
import { writablePath } from './safe-path.js';

function useFile(root: string): string {
  return path.join(root, '.execplan', 'use.json');
}

/** The plan recorded with `execplan use`, as recorded: its path relative to the root; undefined when none is. */
export function readUsedPlan(root: string): string | undefined {
  const plan = (readJson(useFile(root)) as { plan?: unknown } | undefined)?.plan;
  return typeof plan === 'string' ? plan : undefined;
}

/** Record `rel`, a plan's path relative to the root, as the plan sessions work on. */
export function writeUsedPlan(root: string, rel: string): void {
  const file = writablePath(root, useFile(root), 'session plan file');
  ignoreInGit(root, path.dirname(file), 'ignore file');
  writeFileAtomic(file, `${JSON.stringify({ plan: rel }, null, 2)}\n`);
}

/** Forget the plan recorded with `execplan use`; whether there was one. */
export function clearUsedPlan(root: string): boolean {
  try {
    unlinkSync(useFile(root));
    return true;
  } catch {
    return false;
  }
}
