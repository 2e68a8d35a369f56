/** Race an editor saving a plan against execplan edits from several processes, and count what happened. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from '../helpers.js';
import { editLoop, type EditTally } from './race-edit-loop.js';
import { isWholeRacePlan, RACE_PLAN } from './race-plan.js';

const EDITOR = new URL('./race-editor.mjs', import.meta.url).pathname;
const EDIT = new URL('./race-edit.ts', import.meta.url).pathname;

/** What one race gave. */
export interface RaceFigures {
  mode: 'inplace' | 'rename';
  saves: number;
  overwritten: number;
  applied: number;
  partialBases: number;
  refused: Record<string, number>;
  unexpected: string[];
  finalWhole: boolean;
}

function run(args: string[], onLine?: (line: string) => void): { done: Promise<string> } {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXECPLAN_COMPILE_CACHE: '0' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => {
    const before = out.length;
    out += b.toString();
    if (onLine) for (const line of out.slice(before).split('\n')) if (line) onLine(line);
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return {
    done: new Promise((resolve, reject) =>
      child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').pop() ?? '') : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`)))),
    ),
  };
}

/**
 * One race: `writers` edit processes (or, with `inProcess`, one edit loop in this process, which
 * starts at once) against one editor process saving every `intervalMs` for `durationMs`.
 */
export async function editorRace(opts: { mode: 'inplace' | 'rename'; writers: number; durationMs: number; intervalMs: number; inProcess?: boolean }): Promise<RaceFigures> {
  const root = tempRepo({ git: false });
  const file = path.join(root, 'plan.md');
  const template = path.join(root, 'template.txt');
  writeFileSync(file, RACE_PLAN);
  writeFileSync(template, RACE_PLAN);
  const go = path.join(root, 'go');
  const stop = path.join(root, 'stop');
  // The writers start (tsx takes a while), say they are ready, and edit from \`go\` to \`stop\`.
  const readies: Promise<void>[] = [];
  const writers: Promise<string>[] = [];
  for (let i = 0; i < (opts.inProcess ? 0 : opts.writers); i++) {
    let ready!: () => void;
    readies.push(new Promise((r) => (ready = r)));
    writers.push(run(['--import', 'tsx', EDIT, file, go, stop, String(i)], (l) => l === 'ready' && ready()).done);
  }
  await Promise.all(readies);
  writeFileSync(go, '');
  let stopped = false;
  const local: Promise<EditTally>[] = opts.inProcess ? Array.from({ length: opts.writers }, (_, i) => editLoop(file, () => stopped, `local${i}`)) : [];
  const editor = JSON.parse(await run([EDITOR, file, opts.mode, String(opts.durationMs), String(opts.intervalMs), template]).done) as { saves: number; overwritten: number };
  writeFileSync(stop, '');
  stopped = true;
  const figures: RaceFigures = { mode: opts.mode, saves: editor.saves, overwritten: editor.overwritten, applied: 0, partialBases: 0, refused: {}, unexpected: [], finalWhole: false };
  const tallies = [...(await Promise.all(writers)).map((line) => JSON.parse(line) as EditTally), ...(await Promise.all(local))];
  for (const w of tallies) {
    figures.applied += w.applied;
    figures.partialBases += w.partialBases;
    figures.unexpected.push(...w.unexpected);
    for (const [k, v] of Object.entries(w.refused)) figures.refused[k] = (figures.refused[k] ?? 0) + v;
  }
  figures.finalWhole = isWholeRacePlan(readFileSync(file, 'utf8'));
  return figures;
}

/** The figures in one line, for the test's closing note. */
export function describeRace(f: RaceFigures): string {
  const refused = Object.entries(f.refused).map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
  return `editor-race (${f.mode === 'inplace' ? 'saves in place' : 'saves by rename'}): ${f.saves} editor saves, ${f.overwritten} overwritten (${((100 * f.overwritten) / Math.max(1, f.saves)).toFixed(2)} %); ${f.applied} edits applied, ${f.partialBases} to a partial text; refused: ${refused}`;
}
