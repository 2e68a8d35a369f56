/** Finding the workspace's plans and resolving a user's reference to one. */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { editDistance } from '../core/sections.js';
import { ExecplanError } from './errors.js';
import { childPath } from './join.js';
import { settleInterruptedMoves } from './journal.js';
import { assertRealInside, linkProblem, linkProblemWords, type LinkProblem } from './safe-path.js';
import { isInside, relPath, type Workspace } from './workspace.js';

/** A plan file in the workspace. */
export interface PlanRef {
  /** The file name without `.md`: the plan id, which also names its artifacts folder. */
  id: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the workspace root, with `/`. */
  relPath: string;
  archived: boolean;
}

/** Rule files, indexes and templates that live beside plans but are not plans. */
const NOT_PLANS = /^(readme|index|plans|agents|claude|gemini|template|_template|plan-template|execplan-template|changelog|contributing|license)\.md$/i;

/** Whether a file name inside a plan folder is a plan. */
export function isPlanFileName(name: string): boolean {
  return /\.md$/i.test(name) && !NOT_PLANS.test(name) && !name.startsWith('.');
}

/**
 * The plans of the workspace: active ones, archived ones, or both, sorted by relative path. A plan
 * file that is a symbolic link leading outside the workspace, or a plan folder that does, is left
 * out: reading or writing through it would reach files the repository does not hold. `onOutside`
 * hears of each, by its path relative to the root.
 */
export function listPlanRefs(ws: Workspace, which: 'active' | 'archived' | 'all' = 'active', onOutside?: LeftOut, settle = true): PlanRef[] {
  // A move a crash interrupted is settled before plans are looked for, so plan and artifacts are found together.
  if (settle) settleInterruptedMoves(ws);
  const out: PlanRef[] = [];
  const walker: Walker = { root: ws.root, out, onOutside };
  const skip = [ws.dirs.archive, ws.dirs.artifacts, ws.dirs.archiveArtifacts];
  if (which !== 'archived') walkPlans(walker, ws.dirs.active, relPath(ws, ws.dirs.active), false, skip);
  if (which !== 'active') walkPlans(walker, ws.dirs.archive, relPath(ws, ws.dirs.archive), true, [ws.dirs.archiveArtifacts, ws.dirs.artifacts]);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/**
 * The Markdown plan files under `dir` (a folder the user named), whatever folders the configuration
 * names: its sub-folders too, but not the artifacts folders, hidden folders or `node_modules`. A plan
 * is archived when it lies in the archive folder. Links leading outside are left out, as in
 * `listPlanRefs`.
 */
export function planRefsUnder(ws: Workspace, dir: string, onOutside?: LeftOut): PlanRef[] {
  const out: PlanRef[] = [];
  const walker: Walker = { root: ws.root, out, onOutside, archive: ws.dirs.archive };
  walkPlans(walker, dir, relPath(ws, dir), isInside(ws.dirs.archive, dir), [ws.dirs.artifacts, ws.dirs.archiveArtifacts]);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/**
 * Hears of a plan file or folder `listPlanRefs` leaves out, and why in words: a symbolic link on
 * the way leads outside the workspace or loops (`link` true), or the name ends in `.md` but is not a
 * regular file (a FIFO, a socket, a device, a folder).
 */
export type LeftOut = (relPath: string, why: string, link: boolean) => void;

/** What `list` and `lint` say, on stderr, of a plan file or folder that `listPlanRefs` leaves out. */
export function leftOutMessage(relPath: string, why: string, link = true): string {
  return `execplan: left out ${relPath}: ${why}. ${link ? 'Replace the link with a real file or folder inside the repository.' : 'Only regular files are plans.'}\n`;
}

/** What a file system entry that is not a regular file is, in words. */
function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

interface Walker {
  root: string;
  out: PlanRef[];
  onOutside: LeftOut | undefined;
  /** When set, plans in this folder are archived ones, wherever the walk started. */
  archive?: string;
}

/** Whether `abs` really lies inside `root`, symbolic links followed; tells `onOutside` of it when not. */
function leadsInside(w: Walker, abs: string, rel: string): boolean {
  let problem: LinkProblem | undefined;
  try {
    problem = linkProblem(w.root, abs);
  } catch {
    problem = { link: rel, loop: false, target: '?' };
  }
  if (problem) w.onOutside?.(rel, linkProblemWords(problem), true);
  return !problem;
}

/** The plans in a plan folder, which must itself lead inside the workspace. */
function walkPlans(w: Walker, dir: string, rel: string, archived: boolean, skip: string[]): void {
  if (!existsSync(dir)) return;
  if (leadsInside(w, dir, rel)) walk(w, dir, rel, archived, skip);
}

/** `rel` is `dir` relative to the root: a file's relative path is built from it, not computed per file (a large share of resolving a plan). */
function walk(w: Walker, dir: string, rel: string, archived: boolean, skip: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const prefix = rel ? `${rel}/` : '';
  for (const e of entries) {
    if (e.isDirectory()) {
      const abs = childPath(dir, e.name);
      if (e.name.startsWith('.') || e.name === 'node_modules' || skip.includes(abs)) continue;
      if (isPlanFileName(e.name)) w.onOutside?.(prefix + e.name, 'it is a folder, not a plan file', false);
      walk(w, abs, prefix + e.name, archived || abs === w.archive, skip);
    } else if (isPlanFileName(e.name)) {
      const abs = childPath(dir, e.name);
      const rel = prefix + e.name;
      // Only a link can lead elsewhere: the folder was checked. What it leads to must be a file too:
      // reading a named pipe would wait for a writer forever.
      if (e.isFile()) w.out.push({ id: e.name.slice(0, -3), path: abs, relPath: rel, archived });
      else if (e.isSymbolicLink()) {
        if (!leadsInside(w, abs, rel)) continue;
        const st = statSync(abs, { throwIfNoEntry: false });
        // A dangling link is listed: reading it fails with an error that names it.
        if (!st || st.isFile()) w.out.push({ id: e.name.slice(0, -3), path: abs, relPath: rel, archived });
        else w.onOutside?.(rel, `it is a symbolic link to ${kindOf(st)}, not to a plan file`, false);
      } else w.onOutside?.(rel, `it is ${kindOf(e as unknown as Parameters<typeof kindOf>[0])}, not a plan file`, false);
    }
  }
}

/**
 * Refuse to change an archived plan or its archived artifacts: a record of finished work is changed
 * only after `execplan reopen` brings it back. `what` says what the refused command would have done.
 */
export function assertActive(ref: PlanRef, what = 'its living sections are closed'): void {
  if (!ref.archived) return;
  throw new ExecplanError('REFUSED', `${ref.relPath} is archived; ${what}. Run \`execplan reopen ${ref.id}\` to bring it back to the active plans, then change it.`, { file: ref.relPath });
}

/**
 * Resolve a plan reference: a path to a plan file, an exact id, the id without its date, a
 * unique prefix of either, or else any unique part of an id.
 * Active plans win over archived ones with the same id. Unknown or ambiguous references are
 * errors that list the close matches.
 */
export function resolvePlan(ws: Workspace, ref: string, cwd: string = ws.root, which: 'active' | 'archived' | 'all' = 'all'): PlanRef {
  settleInterruptedMoves(ws);
  const found = findPlan(ws, ref, cwd, which);
  // A plan file that is a link to elsewhere is refused: reading or writing it would reach outside the repository.
  assertRealInside(ws.root, found.path, 'plan');
  return found;
}

function findPlan(ws: Workspace, ref: string, cwd: string, which: 'active' | 'archived' | 'all'): PlanRef {
  const trimmed = ref.trim();
  if (!trimmed) throw new ExecplanError('USAGE', 'No plan given. Name a plan by its id (see `execplan list`; its date may be left out), any part of one that names it alone, or its path.');
  if (trimmed.includes('\0')) throw new ExecplanError('UNSAFE_PATH', 'The plan reference contains a NUL byte.');

  if (/[\\/]/.test(trimmed) || /\.md$/i.test(trimmed)) {
    const abs = path.resolve(cwd, trimmed);
    // A link that leaves the workspace or loops is refused as such, not reported missing.
    if (isInside(ws.root, abs) && lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) assertRealInside(ws.root, abs, 'plan');
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st && !st.isFile()) {
      throw new ExecplanError('PLAN_NOT_FOUND', `${trimmed} is ${kindOf(st)}, not a plan file. Name a plan file, or the plan by its id (see \`execplan list\`).`, { file: trimmed });
    }
    if (st) {
      if (!isInside(ws.root, abs)) {
        throw new ExecplanError('UNSAFE_PATH', `${trimmed} is outside the workspace ${ws.root}. Run execplan from the repository that holds the plan, or pass --cwd.`);
      }
      const archived = isInside(ws.dirs.archive, abs);
      return { id: path.basename(abs).replace(/\.md$/i, ''), path: abs, relPath: relPath(ws, abs), archived };
    }
    if (/[\\/]/.test(trimmed)) {
      throw new ExecplanError('PLAN_NOT_FOUND', `No plan file at ${trimmed}. Check the path, or name the plan by its id (see \`execplan list\`).`);
    }
  }

  const id = trimmed.replace(/\.md$/i, '');
  // A whole id names the active plan of that name, when there is one: no need to list them all.
  if (which !== 'archived' && /^[\w.-]+$/.test(id)) {
    const direct = path.join(ws.dirs.active, `${id}.md`);
    // A link that loops or leaves the workspace is refused as such (stat would fail on a loop).
    if (lstatSync(direct, { throwIfNoEntry: false })?.isSymbolicLink()) assertRealInside(ws.root, direct, 'plan');
    // On a case-insensitive file system the name on disk decides the id, as a listing would.
    if (statSync(direct, { throwIfNoEntry: false })?.isFile() && path.basename(realpathSync.native(direct)) === `${id}.md`) {
      return { id, path: direct, relPath: relPath(ws, direct), archived: false };
    }
  }
  const leftOut: { rel: string; why: string; link: boolean }[] = [];
  const plans = listPlanRefs(ws, which, (rel, why, link) => leftOut.push({ rel, why, link }));
  const exact = plans.filter((p) => p.id === id);
  if (exact.length) return exact.find((p) => !p.archived) ?? exact[0]!;
  const lower = id.toLowerCase();
  // Then: the id without its date, a prefix of the id, a prefix of the id without its date.
  const undated = (p: PlanRef) => p.id.toLowerCase().replace(/^\d{4}-\d{2}-\d{2}[_-]/, '');
  const tiers = [
    plans.filter((p) => undated(p) === lower),
    plans.filter((p) => p.id.toLowerCase().startsWith(lower)),
    plans.filter((p) => undated(p).startsWith(lower)),
    // Last, any part of the id: `json` finds `2026-01-05_add-json-export`.
    plans.filter((p) => p.id.toLowerCase().includes(lower)),
  ];
  const prefixed = tiers.find((t) => t.length) ?? [];
  if (prefixed.length === 1 || (prefixed.length > 1 && prefixed.every((p) => p.id === prefixed[0]!.id))) {
    return prefixed.find((p) => !p.archived) ?? prefixed[0]!;
  }
  if (prefixed.length > 1) {
    throw new ExecplanError('PLAN_AMBIGUOUS', `"${ref}" matches ${prefixed.length} plans:\n${prefixed.map((p) => `  ${p.id}${p.archived ? ' (archived)' : ''}`).join('\n')}\nGive more of the id.`, { details: prefixed.map((p) => p.id) });
  }
  // A plan left out of the listing because it leads outside the workspace is refused by name, not reported missing.
  const outside = leftOut.find(({ rel }) => {
    const name = path.posix.basename(rel).replace(/\.md$/i, '').toLowerCase();
    return name.includes(lower);
  });
  if (outside?.link) assertRealInside(ws.root, path.join(ws.root, outside.rel), 'plan');
  // A file of that name that is not a plan file (a named pipe, a folder): say what it is.
  if (outside) throw new ExecplanError('PLAN_NOT_FOUND', `No plan matches "${ref}": ${outside.rel} ${outside.why.replace(/^it /, '')}. Only regular files are plans.`, { file: outside.rel });
  const close = closeMatches(lower, plans.map((p) => p.id));
  const none =
    which === 'archived'
      ? `\nThere are no archived plans in ${relPath(ws, ws.dirs.archive) || '.'}; \`execplan list\` shows the active ones.`
      : `\nThere are no plans in ${relPath(ws, ws.dirs.active) || '.'}; create one with \`execplan new "Short description"\`.`;
  const hint = close.length ? `\nDid you mean:\n${close.map((c) => `  ${c}`).join('\n')}` : plans.length ? '\nRun `execplan list --all` to see the plans.' : none;
  throw new ExecplanError('PLAN_NOT_FOUND', `No plan matches "${ref}".${hint}`, { details: close });
}

/** Ids that contain the reference, or are a small edit away from it. */
function closeMatches(ref: string, ids: string[]): string[] {
  const scored = ids
    .map((id) => {
      const l = id.toLowerCase();
      if (l.includes(ref)) return { id, score: 0 };
      const slug = l.replace(/^\d{4}-\d{2}-\d{2}[_-]/, '');
      const d = Math.min(editDistance(ref, slug.slice(0, ref.length + 2), 3), editDistance(ref, l.slice(0, ref.length + 2), 3));
      return { id, score: d + 1 };
    })
    .filter((s) => s.score <= 3)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
  return scored.slice(0, 5).map((s) => s.id);
}
