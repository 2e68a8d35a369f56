/** Reading plan files: text and parsed model, with errors that name the file. */
import { readFileSync } from 'node:fs';
import { parsePlan } from '../core/parse.js';
import type { ParseOptions, Plan } from '../core/types.js';
import { ExecplanError } from './errors.js';
import type { PlanRef } from './plans.js';
import type { Workspace } from './workspace.js';

/** Read a file as UTF-8 text, turning I/O failures into errors that name the file. */
export function readText(file: string, shown: string = file): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new ExecplanError('IO', `Cannot read ${shown}: ${why}.`, { file: shown });
  }
}

const optionsByConfig = new WeakMap<Workspace['config'], ParseOptions>();

/** The parse options a workspace's configuration implies (one object per configuration, so the parser can reuse its heading matcher). */
export function parseOptions(ws: Workspace): ParseOptions {
  let opts = optionsByConfig.get(ws.config);
  if (!opts) {
    const { aliases, custom } = ws.config.sections;
    optionsByConfig.set(ws.config, (opts = { aliases, customSections: custom }));
  }
  return opts;
}

/** Read and parse one plan. */
export function readPlan(ws: Workspace, ref: PlanRef): { text: string; plan: Plan } {
  const text = readText(ref.path, ref.relPath);
  return { text, plan: parsePlan(text, parseOptions(ws)) };
}
