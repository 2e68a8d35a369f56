/**
 * A plan's history: the commits that changed it, following it across renames (into the archive
 * too), with its progress at each, read through one `git cat-file --batch`; and its Progress
 * timestamps as a series of items done over time. The data a burn-up chart draws.
 */
import { parsePlan } from '../core/parse.js';
import { summarizePlan, type PlanState } from '../core/summary.js';
import type { Plan } from '../core/types.js';
import { assertGitRepo, git, readObjects } from '../workspace/git.js';
import type { PlanRef } from '../workspace/plans.js';
import { parseOptions, readPlan } from '../workspace/read.js';
import type { Workspace } from '../workspace/workspace.js';

/** The plan as one commit left it. */
export interface PlanCommit {
  hash: string;
  /** Commit time, ISO. */
  date: string;
  author: string;
  subject: string;
  /** The plan's path in that commit. */
  path: string;
  /** Progress at that commit; absent when the commit deleted the file. */
  done?: number;
  total?: number;
  state?: PlanState;
  lastActivity?: string | null;
}

/** One completed Progress item of the plan as it is now, in time order, with the count done so far. */
export interface ProgressPoint {
  /** The timestamp as written. */
  at: string;
  /** The same, ISO (naive times read as UTC). */
  iso: string;
  text: string;
  done: number;
}

/** What `execplan log` shows. */
export interface PlanLog {
  id: string;
  path: string;
  /** Oldest first. */
  commits: PlanCommit[];
  /** Items done over time, from the Progress timestamps of the plan as it is on disk. */
  progress: ProgressPoint[];
  /** Items in Progress now, and how many are done. */
  total: number;
  done: number;
  /** True when the file on disk differs from its last commit (or was never committed). */
  uncommitted: boolean;
}

const FIELD = '\u001f';
const RECORD = '\u001e';

/** The history of the plan `ref`. */
export async function planLog(ws: Workspace, ref: PlanRef, env?: Record<string, string | undefined>): Promise<PlanLog> {
  assertGitRepo(ws.root, `, so ${ref.id} has no history. Run this in a clone.`);
  const out = git(ws.root, ['-c', 'core.quotePath=false', 'log', '--follow', '-M', '--name-status', `--format=${RECORD}%H${FIELD}%ct${FIELD}%an${FIELD}%s`, '--', ref.relPath], { env, allowFail: true }).stdout;
  const commits: PlanCommit[] = [];
  // The path of the plan in each commit that did not delete it.
  const wanted: (string | undefined)[] = [];
  for (const record of out.split(RECORD).slice(1)) {
    const [head, ...rest] = record.split('\n');
    const [hash, time, author, subject] = head!.split(FIELD);
    const change = rest.find((l) => l.includes('\t'))?.split('\t');
    const path = change ? change[change.length - 1]! : ref.relPath;
    wanted.push(change?.[0] === 'D' ? undefined : `${hash}:${path}`);
    commits.push({ hash: hash!, date: new Date(Number(time) * 1000).toISOString(), author: author ?? '', subject: subject ?? '', path });
  }
  const blobs = readObjects(ws.root, wanted.filter((w): w is string => w !== undefined), env);
  let lastText: string | undefined;
  let k = 0;
  wanted.forEach((w, i) => {
    const blob = w === undefined ? undefined : blobs[k++];
    if (!blob) return;
    const text = blob.data.toString('utf8');
    if (i === 0) lastText = text;
    const s = summarizePlan(parsePlan(text, parseOptions(ws)));
    Object.assign(commits[i]!, { done: s.done, total: s.total, state: s.state, lastActivity: s.lastActivity });
  });
  const { text: current, plan } = readPlan(ws, ref);
  const now = summarizePlan(plan);
  return { id: ref.id, path: ref.relPath, commits: commits.reverse(), progress: progressSeries(plan), total: now.total, done: now.done, uncommitted: current !== lastText };
}

/** The completed items with a valid timestamp, oldest first, with the running count. */
export function progressSeries(plan: Plan): ProgressPoint[] {
  const done = plan.progress.filter((i) => i.state === 'done' && i.timestamp?.valid).sort((a, b) => a.timestamp!.epoch - b.timestamp!.epoch);
  return done.map((i, n) => ({ at: i.timestamp!.raw.replace(/^\(|\)$/g, ''), iso: new Date(i.timestamp!.epoch).toISOString(), text: i.text, done: n + 1 }));
}
