/** Temporary workspaces for `execplan lint` tests: plans that lint clean, and the files they name. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from '../helpers.js';
import { EXISTING, GOOD } from '../rules/helpers.js';

/** The id of the clean plan every workspace starts with. */
export const PLAN = '2026-01-05_add-upload-retry';
/** Its path from the repository root. */
export const PLAN_PATH = `.agent/execplans/${PLAN}.md`;

/** A workspace with one clean plan, its artifacts folder and the files it names; extra plans by id. */
export function lintWorkspace(extra: Record<string, string> = {}): { root: string; write: (rel: string, text: string) => string } {
  const root = tempRepo();
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  };
  for (const f of EXISTING) write(f, '\n');
  write(PLAN_PATH, GOOD);
  mkdirSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
  for (const [id, text] of Object.entries(extra)) {
    write(`.agent/execplans/${id}.md`, text);
    mkdirSync(path.join(root, '.agent/execplans/artifacts', id), { recursive: true });
  }
  return { root, write };
}

/** The clean plan with its title line removed: one error (`title`). */
export const NO_TITLE = GOOD.replace(/^# .*\n\n/, '');
