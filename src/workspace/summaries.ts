/**
 * Plan summaries for `list`, remembered by file size and modification time so unchanged plans are
 * not parsed again. When every plan is remembered, the parser is not even loaded.
 */
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { namedFiles } from '../core/drift.js';
import { isPlanSummary, summarizePlan, type PlanSummary } from '../core/summary.js';
import { cacheDir, parseKey, readCache, writeCache } from './cache.js';
import { listPlanRefs, type LeftOut } from './plans.js';
import type { ExecplanError } from './errors.js';
import type { Workspace } from './workspace.js';

/** A plan with its summary, as `list` shows it. */
export interface ListedPlan extends PlanSummary {
  id: string;
  path: string;
  archived: boolean;
  /** The files the plan names (see namedFiles in src/core/drift.ts), when asked for. */
  files?: string[];
}

/** Options of {@link listPlanSummaries}. */
export interface ListOptions {
  /** False parses every plan, ignoring the cache. */
  cache?: boolean;
  /** Hears of a plan file or folder left out because a symbolic link leads outside the workspace. */
  onOutside?: LeftOut;
  /** Hears of a plan that could not be read; the others are listed. Without it, the error is thrown. */
  onUnreadable?: (error: ExecplanError) => void;
  /** Hears why the cache was not written (a symbolic link on the way leads outside the repository). */
  onCacheRefused?: (error: ExecplanError) => void;
  /** Also give the files each plan names (see namedFiles in src/core/drift.ts), remembered with its summary. */
  files?: boolean;
}

type Entry = { size: number; mtimeMs: number; summary: PlanSummary; files?: string[] };

/** The workspace's plans with their summaries, sorted by path. */
export async function listPlanSummaries(ws: Workspace, which: 'active' | 'archived' | 'all' = 'active', opts: ListOptions = {}): Promise<ListedPlan[]> {
  const refs = listPlanRefs(ws, which, opts.onOutside);
  const useCache = opts.cache !== false;
  const file = path.join(cacheDir(ws), 'summaries.json');
  const key = parseKey(ws);
  const old = useCache ? (readCache<Record<string, Entry>>(file, key) ?? {}) : {};
  const fresh: Record<string, Entry> = {};
  let changed = false;
  let read: typeof import('./read.js') | undefined;
  const out: ListedPlan[] = [];
  for (const ref of refs) {
    // Gone since the folder was listed (another process moved it): not listed. A dangling link is read, to say why it cannot be.
    const st = statSync(ref.path, { throwIfNoEntry: false });
    if (!st && !lstatSync(ref.path, { throwIfNoEntry: false })) continue;
    const hit = old[ref.relPath];
    let summary: PlanSummary;
    let files = hit?.files;
    // A file modified within the last two seconds could change again within the same mtime tick;
    // an entry that is not a summary (a cache edited or damaged) is made again.
    if (st && hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && Date.now() - st.mtimeMs > 2000 && isPlanSummary(hit.summary) && (!opts.files || Array.isArray(files))) {
      summary = hit.summary;
    } else {
      read ??= await import('./read.js');
      try {
        const plan = read.readPlan(ws, ref).plan;
        summary = summarizePlan(plan, false);
        files = opts.files ? namedFiles(plan) : undefined;
      } catch (err) {
        if (!opts.onUnreadable || !(err instanceof Error && err.name === 'ExecplanError')) throw err;
        opts.onUnreadable(err as ExecplanError);
        continue;
      }
      changed = true;
    }
    if (st) fresh[ref.relPath] = { size: st.size, mtimeMs: st.mtimeMs, summary, ...(files ? { files } : {}) };
    out.push({ id: ref.id, path: ref.relPath, archived: ref.archived, ...summary, state: ref.archived ? 'archived' : summary.state, ...(opts.files && files ? { files } : {}) });
  }
  if (useCache && (changed || Object.keys(old).length !== refs.length)) {
    const refused = writeCache(ws.root, file, key, { ...old, ...fresh });
    if (refused) opts.onCacheRefused?.(refused);
  }
  return out;
}
