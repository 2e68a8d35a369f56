/** Reading plan files: text and parsed model, with errors that name the file. */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { parseOptionsFor } from '../core/lint-settings.js';
import { parsePlan } from '../core/parse.js';
import type { ParseOptions, Plan } from '../core/types.js';
import { errnoWords, ExecplanError } from './errors.js';
import type { PlanRef } from './plans.js';
import type { Workspace } from './workspace.js';

/** A file's bytes, turning I/O failures into errors that name the file. */
function readBytes(file: string, shown: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ExecplanError('IO', `Cannot read ${shown}: ${errnoWords(err) ?? (err as Error).message}.`, { file: shown });
  }
}

/** At most `max` bytes from the start of `file` (links followed), and the file's whole size. */
export function readHead(file: string, max: number): { bytes: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, max));
    return { bytes: buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)), size };
  } finally {
    closeSync(fd);
  }
}

/** Whether `file` exists (following links) and is not a folder. */
export function isFile(file: string): boolean {
  const st = statSync(file, { throwIfNoEntry: false });
  return Boolean(st) && !st!.isDirectory();
}

/** Read a file that is to be written back changed: its text, refused unless it is UTF-8 (see {@link editableText}). */
export function readEditableText(file: string, shown: string = file): string {
  return editableText(readBytes(file, shown), shown);
}

/**
 * The text of bytes that are to be written back changed. Bytes that are not UTF-8 are refused:
 * decoding them would replace them, and writing the text back would change bytes nobody asked to change.
 */
export function editableText(bytes: Buffer, shown: string): string {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    throw new ExecplanError('INVALID_INPUT', `${shown} is not valid UTF-8, so it cannot be edited without changing bytes you did not ask to change. Convert it to UTF-8 and retry.`, { file: shown });
  }
  return text;
}

const optionsByConfig = new WeakMap<Workspace['config'], ParseOptions>();

/** The parse options a workspace's configuration implies (one object per configuration, so the parser can reuse its heading matcher). */
export function parseOptions(ws: Workspace): ParseOptions {
  let opts = optionsByConfig.get(ws.config);
  if (!opts) optionsByConfig.set(ws.config, (opts = parseOptionsFor(ws.config.sections)));
  return opts;
}

/** Read and parse one plan. */
export function readPlan(ws: Workspace, ref: PlanRef): { text: string; plan: Plan } {
  const text = readBytes(ref.path, ref.relPath).toString('utf8');
  return { text, plan: parsePlan(text, parseOptions(ws)) };
}
