/**
 * `execplan init --agents`: instructions for coding agents. A managed block in AGENTS.md (and in
 * CLAUDE.md where one exists) that re-runs update in place, leaving every byte around it as it
 * was; and the `execplan` skill where Claude Code and Codex look for skills, never overwriting one
 * the user edited.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../core/apply-edits.js';
import { agentsBlock, BLOCK_END, BLOCK_START, skillText, SKILL_NAME, type AgentLayout } from '../templates/agent-instructions.js';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './hash.js';
import type { InitStep } from './init-files.js';
import { readEditableText } from './read.js';
import { writablePath } from './safe-path.js';
import type { Workspace } from './workspace.js';

/** Where Claude Code and Codex look for a repository's skills (`.agents/skills` is Codex's repository scope). */
export const SKILL_PATHS = [`.claude/skills/${SKILL_NAME}/SKILL.md`, `.agents/skills/${SKILL_NAME}/SKILL.md`] as const;

/** The skill's last line records a hash of the text above it, so init can tell its own text from the user's edits. */
const SKILL_MARKER = /\n<!-- execplan-skill sha256:([0-9a-f]{64}) -->\n?$/;

/** Write or update the agent instructions of the workspace; returns what was done to each file. */
export function initAgents(ws: Workspace): InitStep[] {
  const layout = agentLayout(ws);
  const steps: InitStep[] = [writeBlock(ws.root, 'AGENTS.md', layout, true)];
  if (existsSync(path.join(ws.root, 'CLAUDE.md'))) steps.push(writeBlock(ws.root, 'CLAUDE.md', layout, false));
  for (const rel of SKILL_PATHS) steps.push(writeSkill(ws.root, rel, layout));
  return steps;
}

/** The folders and the rules file the instructions name. */
export function agentLayout(ws: Workspace): AgentLayout {
  const guide = ['.agent/PLANS.md', '.agents/PLANS.md', 'PLANS.md', 'docs/PLANS.md'].find((p) => existsSync(path.join(ws.root, p))) ?? '.agent/PLANS.md';
  const { active, archive, artifacts } = ws.config.paths;
  return { active, archive, artifacts, guide };
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
    if (text.replace(/^\uFEFF/, '') === '') return applyEdits(text, [{ start: text.length, end: text.length, text: `${block}\n` }], eol);
    // One blank line between the user's text and the block; the user's last line keeps its bytes.
    const sep = /(\r?\n){2}$/.test(text) ? '' : /\r?\n$/.test(text) ? '\n' : '\n\n';
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

/** The skill file's text with its hash marker line. */
export function skillFile(layout: AgentLayout): string {
  const body = skillText(layout);
  return `${body}\n<!-- execplan-skill sha256:${sha256(body)} -->\n`;
}

function writeSkill(root: string, rel: string, layout: AgentLayout): InitStep {
  const file = writablePath(root, path.join(root, rel), 'skill');
  const text = skillFile(layout);
  if (!existsSync(file)) {
    writeFileSync(file, text, { flag: 'wx' });
    return { path: rel, action: 'created' };
  }
  const current = readEditableText(file, rel);
  // A checkout may have turned the line endings into CRLF: that is not an edit.
  const eol = dominantEol(current);
  const lf = current.replace(/\r\n/g, '\n');
  if (lf === text) return { path: rel, action: 'unchanged' };
  const m = SKILL_MARKER.exec(lf);
  if (m && sha256(lf.slice(0, m.index)) === m[1]) {
    writeFileAtomic(file, eol === '\n' ? text : text.replace(/\n/g, '\r\n'));
    return { path: rel, action: 'updated', note: 'the skill was unedited; brought up to date' };
  }
  return { path: rel, action: 'kept', note: 'edited by you; left as it is' };
}

function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
