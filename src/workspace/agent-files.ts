/**
 * The files of coding agents in a repository. For `execplan init --agents`, a managed block in
 * AGENTS.md (and in CLAUDE.md where one exists) that re-runs update in place, leaving every byte
 * around it as it was, and the `execplan` skill where Claude Code and Codex look for skills, never
 * overwriting one the user edited. For `execplan hooks`, the agents' settings files, read and
 * written whole, every path checked on disk first.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../core/apply-edits.js';
import { dominantEol } from '../core/lines.js';
import { agentsBlock, BLOCK_END, BLOCK_START, skillText, SKILL_NAME, type AgentLayout } from '../templates/agent-instructions.js';
import { writeFileAtomic } from './atomic-write.js';
import { guideFile, writeStamped, type InitStep } from './init-files.js';
import { editableText, readEditableText } from './read.js';
import { assertRealInside, writablePath } from './safe-path.js';
import type { Workspace } from './workspace.js';

/** Write or update the agent instructions of the workspace; returns what was done to each file. */
export function initAgents(ws: Workspace): InitStep[] {
  const { active, archive, artifacts } = ws.config.paths;
  const layout: AgentLayout = { active, archive, artifacts, guide: guideFile(ws.root) ?? '.agent/PLANS.md' };
  const steps: InitStep[] = [writeBlock(ws.root, 'AGENTS.md', layout, true)];
  if (existsSync(path.join(ws.root, 'CLAUDE.md'))) steps.push(writeBlock(ws.root, 'CLAUDE.md', layout, false));
  // Where Claude Code and Codex look for a repository's skills (`.agents/skills` is Codex's repository scope).
  for (const dir of ['.claude', '.agents']) steps.push(writeStamped(ws.root, `${dir}/skills/${SKILL_NAME}/SKILL.md`, 'skill', skillText(layout)));
  return steps;
}

/**
 * Put the managed block into `text`: replace the one between the markers, or append it after the
 * user's text. Returns undefined when the markers are broken (an end without a start, a start
 * without an end, or more than one block), which only a person can sort out.
 */
export function placeBlock(text: string, block: string): string | undefined {
  const eol = dominantEol(text);
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END);
  if (start < 0 && end < 0) {
    // One blank line between the user's text and the block; the user's last line keeps its bytes.
    const sep = text.replace(/^\uFEFF/, '') === '' || /(\r?\n){2}$/.test(text) ? '' : /\r?\n$/.test(text) ? '\n' : '\n\n';
    return applyEdits(text, [{ start: text.length, end: text.length, text: `${sep}${block}\n` }], eol);
  }
  if (start < 0 || end < start || text.indexOf(BLOCK_START, start + 1) >= 0 || text.indexOf(BLOCK_END, end + 1) >= 0) return undefined;
  return applyEdits(text, [{ start, end: end + BLOCK_END.length, text: block }], eol);
}

/** What is wrong with the markers of a text `placeBlock` refused, with the lines concerned. */
export function markerProblem(text: string): string {
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const all = (marker: string) => {
    const out: number[] = [];
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) out.push(i);
    return out;
  };
  const starts = all(BLOCK_START);
  const ends = all(BLOCK_END);
  if (starts.length > 1) return `${BLOCK_START} appears on lines ${starts.map(lineAt).join(' and ')}; keep one block`;
  if (ends.length > 1) return `${BLOCK_END} appears on lines ${ends.map(lineAt).join(' and ')}; keep one block`;
  if (!starts.length) return `${BLOCK_END} on line ${lineAt(ends[0]!)} has no ${BLOCK_START} before it`;
  if (!ends.length) return `${BLOCK_START} on line ${lineAt(starts[0]!)} has no ${BLOCK_END} after it`;
  return `${BLOCK_END} on line ${lineAt(ends[0]!)} comes before ${BLOCK_START} on line ${lineAt(starts[0]!)}`;
}

function writeBlock(root: string, rel: string, layout: AgentLayout, create: boolean): InitStep {
  // Checked before anything is read or written: AGENTS.md -> ~/.bashrc must not get the block.
  const file = writablePath(root, path.join(root, rel), 'agent instructions');
  const block = agentsBlock(layout);
  if (!existsSync(file)) {
    if (!create) return { path: rel, action: 'kept' };
    writeFileSync(file, `${block}\n`, { flag: 'wx' });
    return { path: rel, action: 'created' };
  }
  const current = readEditableText(file, rel);
  if (rel === 'CLAUDE.md' && !current.includes(BLOCK_START) && /^@AGENTS\.md\s*$/m.test(current)) {
    return { path: rel, action: 'kept', note: 'it imports AGENTS.md, which has the instructions' };
  }
  const next = placeBlock(current, block);
  if (next === undefined) {
    return { path: rel, action: 'kept', note: `its markers are broken: ${markerProblem(current)}; fix them by hand and run again`, blocked: true };
  }
  if (next === current) return { path: rel, action: 'unchanged' };
  writeFileAtomic(file, next);
  return { path: rel, action: 'updated', note: current.includes(BLOCK_START) ? 'execplan block brought up to date' : 'execplan block added' };
}

/** The text of the agent settings file `rel`; undefined when there is none. A link on the way out of the repository is refused first. */
export function readSettings(root: string, rel: string, what: string): string | undefined {
  const file = path.join(root, rel);
  assertRealInside(root, file, what);
  return existsSync(file) ? editableText(readFileSync(file), rel) : undefined;
}

/** Write the agent settings file `rel` (a link that stays inside the repository stays a link: its target is written), or remove it for `undefined`. */
export function writeSettings(root: string, rel: string, text: string | undefined, what: string): void {
  if (text === undefined) unlinkSync(path.join(root, rel));
  else writeFileAtomic(writablePath(root, path.join(root, rel), what), text);
}
