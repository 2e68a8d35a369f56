/** An edit never rebuilds a plan from a file an editor is in the middle of saving. */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { halfWrittenReason } from '../src/core/half-written.js';
import { addProgressItem } from '../src/core/edits/index.js';
import type { EditContext } from '../src/core/edits/context.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';
import { ExecplanError } from '../src/workspace/errors.js';
import { lockFile } from '../src/workspace/lock.js';
import { updatePlan } from '../src/workspace/store.js';
import { tempRepo } from './helpers.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'utc', offsetMinutes: 0 };
const PLAN = '# Title\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] One\n\n## Decision Log\n\n- Decision: keep it.\n  Rationale: it works.\n';
const add = (plan: Plan) => ({ edits: addProgressItem(plan, 'Two', {}, ctx).edits, result: null });

function planFile(text = PLAN): string {
  const file = path.join(tempRepo({ git: false }), 'plan.md');
  writeFileSync(file, text);
  return file;
}

/** Start an edit while the lock is held, change the file as an editor would meanwhile, then let the edit go on. */
async function editWhile(file: string, change: () => void): Promise<ExecplanError | undefined> {
  const held = await lockFile(file);
  const edit = updatePlan(file, add).then(
    () => undefined,
    (err: unknown) => err as ExecplanError,
  );
  // The edit reads the plan ahead, then waits for the lock.
  await new Promise((r) => setTimeout(r, 50));
  change();
  await held.release();
  return edit;
}

describe('halfWrittenReason', () => {
  const whole = parsePlan(PLAN);
  it('accepts a whole plan, and one an edit of execplan made', () => {
    expect(halfWrittenReason(whole, undefined)).toBeUndefined();
    expect(halfWrittenReason(parsePlan(PLAN.replace('- [ ] One', '- [x] (2026-01-05 14:30Z) One')), whole)).toBeUndefined();
    expect(halfWrittenReason(parsePlan(PLAN.replace('- [ ] One\n', '- [ ] One\n- [ ] Two\n')), whole)).toBeUndefined();
  });
  it('refuses an empty plan, and one that lost its title, a section or its end', () => {
    expect(halfWrittenReason(parsePlan(''), whole)).toBe('it is empty');
    expect(halfWrittenReason(parsePlan(' \n'), undefined)).toBe('it is empty');
    expect(halfWrittenReason(parsePlan(PLAN.slice(PLAN.indexOf('## Purpose'))), whole)).toBe('its title is gone');
    expect(halfWrittenReason(parsePlan(PLAN.slice(0, PLAN.indexOf('## Decision'))), whole)).toBe('its section "Decision Log" is gone');
    expect(halfWrittenReason(parsePlan(PLAN.slice(0, -5)), whole)).toBe('it shrank and now ends mid-line');
  });
});

describe('an edit against an editor saving in place', () => {
  it('refuses a plan caught empty (truncated, not yet written), and writes nothing', async () => {
    const file = planFile();
    const err = await editWhile(file, () => truncateSync(file, 0));
    expect(err?.code).toBe('CHANGED_ON_DISK');
    expect(err?.exitCode).toBe(1);
    expect(err?.message).toBe(`${file} looks half written (it is empty): another program may be saving it. Nothing was written; read it again and retry once it is saved.`);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('refuses a plan caught with only its first part written', async () => {
    const file = planFile();
    const half = PLAN.slice(0, PLAN.indexOf('## Progress') + 5);
    const err = await editWhile(file, () => writeFileSync(file, half));
    expect(err?.message).toMatch(/looks half written \(its sections "Progress", "Decision Log" are gone\)/);
    expect(readFileSync(file, 'utf8')).toBe(half);
  });

  it('applies the edit to a whole new save', async () => {
    const file = planFile();
    const saved = PLAN.replace('Why.', 'Why, said better.');
    const err = await editWhile(file, () => writeFileSync(file, saved));
    expect(err).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(saved.replace('- [ ] One\n', '- [ ] One\n- [ ] Two\n'));
  });
});
