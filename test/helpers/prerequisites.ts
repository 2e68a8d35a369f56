/**
 * What some tests need that a fresh clone does not have, and how they skip without it.
 *
 * - `CORPUS`: the real-plan corpus, `../shared/corpus/real/plans/` beside the checkout.
 * - `SPEC`: the ExecPlan specification, `../shared/spec/execplans.md`.
 * - `BROWSER`: a Chromium to drive with playwright-core, `/usr/bin/chromium`.
 *
 * `../shared` is looked for beside the checkout, then beside each folder above it (so a worktree
 * nested one level deeper finds the same one); `EXECPLAN_SHARED=<dir>` names it instead.
 * `EXECPLAN_CHROMIUM=<file>` names another browser executable.
 *
 * In a test that needs one, call `need(ctx, CORPUS)` first: without it the test is skipped with a
 * note, and the run ends with one line on stderr naming what was missing and how many tests it
 * skipped (test/helpers/prerequisites-reporter.ts). With `EXECPLAN_REQUIRE_SHARED=1` (corpus,
 * spec) or `EXECPLAN_REQUIRE_BROWSER=1` (browser) set, as `.ci/run` does, a missing one fails the
 * test instead.
 *
 *     import { CORPUS, corpusPlans, need, BROWSER } from './helpers/prerequisites.js';
 *     it('parses every real plan', (ctx) => {
 *       need(ctx, CORPUS);
 *       for (const file of corpusPlans()) ...
 *     });
 *     it('renders the page', async (ctx) => {
 *       need(ctx, BROWSER);
 *       const browser = await chromium.launch({ executablePath: BROWSER.path });
 *     });
 *
 * Tests generated from the corpus's file list (`describe.each(corpusPlans())`) generate nothing
 * without it: add `skipsWithout(CORPUS, 'each real plan')` beside them so the skip is counted.
 * `realPlans()` gives the project's own plans in the shapes real plans take, plus the corpus's when
 * it is there: tests over real plans use it, so they check something in every clone.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it, type TestContext } from 'vitest';

/** Something a test needs from outside the repository. */
export interface Prerequisite {
  /** What it is, for people: "the real-plan corpus". */
  readonly what: string;
  /** Where it is (absolute), or where it was looked for. */
  readonly path: string;
  /** Whether it is there. */
  readonly present: boolean;
  /** The environment variable that makes it required. */
  readonly requiredBy: string;
  /** The note a test skipped for it carries: the reporter counts them. */
  readonly note: string;
}

/** The note prefix the reporter looks for. */
export const NOTE_PREFIX = 'missing prerequisite: ';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

function findShared(): { dir: string; shown: string } {
  const named = process.env.EXECPLAN_SHARED;
  if (named) return { dir: path.resolve(named), shown: named };
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'shared'))) return { dir: path.join(dir, 'shared'), shown: path.relative(ROOT, path.join(dir, 'shared')) };
    if (path.dirname(dir) === dir) return { dir: path.join(path.dirname(ROOT), 'shared'), shown: '../shared' };
  }
}

const shared = findShared();

function prerequisite(what: string, file: string, shown: string, requiredBy: string, test: (p: string) => boolean): Prerequisite {
  return { what, path: file, present: test(file), requiredBy, note: `${NOTE_PREFIX}${shown} not found (${what})` };
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The real-plan corpus: a folder of plans as people wrote them. */
export const CORPUS = prerequisite(
  'the real-plan corpus',
  path.join(shared.dir, 'corpus/real/plans'),
  `${shared.shown}/corpus/real`,
  'EXECPLAN_REQUIRE_SHARED',
  existsSync,
);

/** The ExecPlan specification, the Markdown file the skeleton is taken from. */
export const SPEC = prerequisite('the specification', path.join(shared.dir, 'spec/execplans.md'), `${shared.shown}/spec/execplans.md`, 'EXECPLAN_REQUIRE_SHARED', existsSync);

const chromium = process.env.EXECPLAN_CHROMIUM ?? '/usr/bin/chromium';
/** A Chromium executable for playwright-core's `chromium.launch({ executablePath: BROWSER.path })`. */
export const BROWSER = prerequisite('a Chromium browser for the browser tests', chromium, chromium, 'EXECPLAN_REQUIRE_BROWSER', executable);

/** Whether the environment says a missing prerequisite is a failure. */
function required(p: Prerequisite): boolean {
  const value = process.env[p.requiredBy];
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * Call first in a test that needs `p`: returns when it is there; otherwise skips the test with the
 * prerequisite's note, or fails it when the environment requires the prerequisite.
 */
export function need(ctx: TestContext, ...ps: Prerequisite[]): void {
  for (const p of ps) {
    if (p.present) continue;
    if (required(p)) throw new Error(`${p.path} not found (${p.what}), and ${p.requiredBy} is set: this run must have it.`);
    ctx.skip(p.note);
  }
}

/** Registers one test, named `name`, that only records the skip (or the failure) when `p` is absent. */
export function skipsWithout(p: Prerequisite, name: string): void {
  if (!p.present) it(name, (ctx) => need(ctx, p));
}

/** The corpus's plan file names (`*.md`, sorted); none when it is absent. Read them with `corpusPath(name)`. */
export function corpusPlans(): string[] {
  return CORPUS.present ? readdirSync(CORPUS.path).filter((f) => f.endsWith('.md')).sort() : [];
}

/** The absolute path of a corpus plan. */
export function corpusPath(name: string): string {
  return path.join(CORPUS.path, name);
}

/** The project's own plans in the shapes real plans take (test/fixtures/real-shapes/README.md lists them). */
export const SHAPES_DIR = path.join(ROOT, 'test/fixtures/real-shapes');

/** A plan to run a real-plan test on. */
export interface RealPlan {
  /** `real-shapes/<file>` for the project's fixtures, the file name for a corpus plan. */
  readonly name: string;
  /** Its absolute path. */
  readonly path: string;
}

/**
 * Every plan a test over real plans runs on: the project's fixtures (always), then the corpus's
 * plans when the corpus is there. Pair it with `skipsWithout(CORPUS, …)` so a run without the
 * corpus says so.
 */
export function realPlans(): RealPlan[] {
  const shapes = readdirSync(SHAPES_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => ({ name: `real-shapes/${f}`, path: path.join(SHAPES_DIR, f) }));
  return [...shapes, ...corpusPlans().map((f) => ({ name: f, path: corpusPath(f) }))];
}
