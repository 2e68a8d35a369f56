/**
 * `execplan progress <plan> [add|done|undo|split] ...`: list the Progress items with their numbers,
 * or change one. Each change edits only the lines concerned, under the plan's lock.
 */
import type { OptionsOf } from '../command-table.js';
import { resolveItem } from '../core/edits/item-ref.js';
import { addProgressItem, markItemDone, splitItem, undoItem } from '../core/edits/progress.js';
import { withEvidence } from '../core/evidence.js';
import { ExecplanError } from '../workspace/errors.js';
import { renderEdit } from '../formatters/edit.js';
import { editPlan, openEditTarget, type BuildChange, type EditTarget } from '../usecases/edit-plan.js';
import { readPlan } from '../workspace/read.js';
import { clockOf, print, writeJson, type Io } from './io.js';

type Options = OptionsOf<'progress'>;

const ACTIONS = ['add', 'done', 'undo', 'split', 'list'];

/** Run `execplan progress`. */
export async function run(io: Io, opts: Options, planRef: string, action?: string, args: string[] = []): Promise<number> {
  const target = openEditTarget(io.cwd, planRef, clockOf(io));
  if ((action ?? 'list') === 'list') {
    if (args.length) throw usage(`\`progress <plan> list\` takes no more arguments (got "${args.join(' ')}").`);
    return list(io, opts, target);
  }
  const build = await change(io, opts, target, action!, args.join(' '), args.length > 0);
  return print(io, renderEdit(target.ref, await editPlan(target, build, opts), opts));
}

/** The change `action` makes; `rest` is its words, `hasArgs` whether there were any. */
async function change(io: Io, opts: Options, target: EditTarget, action: string, rest: string, hasArgs: boolean): Promise<BuildChange> {
  switch (action) {
    case 'add': {
      let text = rest;
      let done = opts.done === true;
      if (typeof opts.done === 'string') {
        // `add --done "step"`: the option took the step as its value.
        if (hasArgs) throw usage('With `add`, --done is a flag: write `progress <plan> add "step" --done`.');
        text = opts.done;
        done = true;
      }
      if (opts.remaining !== undefined) throw usage('--remaining belongs to `split`, not `add`.');
      return (plan, ctx) => addProgressItem(plan, text, { done }, ctx);
    }
    case 'done':
    case 'undo': {
      if (opts.done !== undefined || opts.remaining !== undefined) throw usage(`\`${action}\` takes an item only; --done and --remaining belong to \`split\`.`);
      const ref = needItem(action, rest);
      if (opts.evidence !== undefined) {
        if (action !== 'done') throw usage('--evidence belongs to `done`: `progress <plan> done <item> --evidence <transcript|commit>`.');
        const { evidenceFor } = await import('../usecases/progress-evidence.js');
        const words = evidenceFor(target.ws, target.ref, opts.evidence, io.cwd);
        return (plan, ctx) => withEvidence(plan.source, markItemDone(plan, ref, ctx), resolveItem(plan, ref, ctx), words);
      }
      return (plan, ctx) => (action === 'done' ? markItemDone(plan, ref, ctx) : undoItem(plan, ref, ctx));
    }
    case 'split': {
      const ref = needItem('split', rest);
      if (typeof opts.done !== 'string' || opts.remaining === undefined) {
        throw usage('`split` needs both parts: `progress <plan> split <item> --done "what is done" --remaining "what remains"`.');
      }
      const parts = { done: opts.done, remaining: opts.remaining };
      return (plan, ctx) => splitItem(plan, ref, parts, ctx);
    }
    default:
      throw usage(`Unknown progress action "${action}"; use one of ${ACTIONS.join(', ')}, or none to list the items.`);
  }
}

function list(io: Io, opts: Options, target: EditTarget): number {
  const { ws, ref } = target;
  if (opts.dryRun || opts.expectHash) throw usage('Listing changes nothing: --dry-run and --expect-hash go with add, done, undo or split.');
  const { plan } = readPlan(ws, ref);
  const items = plan.progress;
  const done = items.filter((i) => i.state === 'done').length;
  if (opts.json) {
    writeJson(io, {
      plan: { id: ref.id, path: ref.relPath },
      total: items.length,
      done,
      items: items.map((i) => ({ index: i.index, state: i.state, mark: i.mark, timestamp: i.timestamp?.raw ?? null, text: i.text, line: i.line, depth: i.depth })),
    });
    return 0;
  }
  const out = [`${ref.relPath}: ${done} of ${items.length} Progress item${items.length === 1 ? '' : 's'} done`];
  if (!items.length) out.push('  (no checkbox items; add one with `execplan progress <plan> add "step"`)');
  for (const i of items) out.push(`  ${String(i.index).padStart(3)}. ${'  '.repeat(i.depth)}[${i.mark}] ${i.timestamp ? `${i.timestamp.raw} ` : ''}${i.text}`);
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function needItem(action: string, ref: string): string {
  if (!ref.trim()) throw usage(`\`${action}\` needs an item: its number (see \`execplan progress <plan>\`) or a piece of its text.`);
  return ref;
}

function usage(message: string): ExecplanError {
  return new ExecplanError('USAGE', message);
}
