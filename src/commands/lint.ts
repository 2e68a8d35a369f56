/**
 * `execplan lint`: check plans against the rules and report in one of four formats. The run is
 * src/usecases/lint.ts; this command checks the options, writes the report as results come, and
 * turns the totals into an exit code.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OptionsOf } from '../command-table.js';
import { summarize, type LintResult } from '../core/diagnostic.js';
import { loadFormatter } from '../formatters/load.js';
import { assemble, FORMAT_NAMES, type Formatter, type FormatName, type StreamInput, type Totals } from '../formatters/types.js';
import { useColor } from '../terminal/color.js';
import { startSpinner, type Spinner } from '../terminal/spinner.js';
import { lintPlans, type FixMode, type FixSummary } from '../usecases/lint.js';
import { ExecplanError } from '../workspace/errors.js';
import type { HeldBlocks, holdBlocks } from '../workspace/held-blocks.js';
import { openSink, type Sink } from '../workspace/report-file.js';
import { openWorkspace } from '../workspace/workspace.js';
import { VERSION } from '../version.js';
import { clockOf, type Io } from './io.js';

type LintOptions = OptionsOf<'lint'>;

/** Run `execplan lint [plans...]`. */
export async function run(io: Io, opts: LintOptions, targets: string[] = []): Promise<number> {
  const settled = settle(opts);
  const cwd = path.resolve(io.cwd);
  const ws = openWorkspace(cwd);
  const color = useColor(io, opts);
  const rootUri = `${pathToFileURL(ws.root).href.replace(/\/$/, '')}/`;
  const quiet = (r: LintResult) => (opts.quiet ? summarize(r.file, r.diagnostics.filter((d) => d.severity === 'error'), r.output) : r);
  const t: Totals = { files: 0, errors: 0, warnings: 0, fixable: 0 };
  const count = (r: LintResult) => {
    t.files++;
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixable += r.fixableCount;
  };
  let spinner: Spinner | undefined;
  let sink: Sink | undefined;
  let input: StreamInput | undefined;
  // Large runs print each plan's findings as they come and keep only counts; the whole-document
  // formats hold each plan's block, compressed, until the totals that lead them are known; --fix
  // needs every result first.
  let stream: Formatter | undefined;
  let held: HeldBlocks | undefined;
  let hold: typeof holdBlocks | undefined;
  const results: LintResult[] = [];
  const reportKey = opts.cache && settled.fix === 'none' ? JSON.stringify({ format: settled.format, color, quiet: Boolean(opts.quiet), rootUri }) : undefined;
  // With a cache, what is printed is also kept beside it, as it is printed.
  let keep: ((text: string | Buffer) => void) | undefined;
  const write = (text: string | Buffer) => {
    keep?.(text);
    sink!.write(text);
  };
  const finish = async (fixes: FixSummary | undefined): Promise<void> => {
    if (stream) {
      const { head, tail } = stream.frame(t, input!);
      if (held) {
        write(head ?? '');
        held.drain(write);
      }
      write(tail);
      return;
    }
    if (fixes) {
      // stdout stays a diff that applies: the folder a fix would make is said on stderr.
      for (const dir of fixes.wouldCreate) io.stderr(`execplan: --fix would create ${dir}/\n`);
      if (settled.fix === 'write' && settled.format === 'stylish' && fixes.fixed) io.stderr(`Fixed ${fixes.fixed} problem${fixes.fixed === 1 ? '' : 's'} in ${fixes.files} plan${fixes.files === 1 ? '' : 's'}.\n`);
      // The diff leads the human report; json carries each fixed text as `output`; github and sarif keep their output to themselves.
      if (settled.format === 'stylish') write(fixes.diff);
      else if (settled.format !== 'json') io.stderr(fixes.diff);
    }
    const shown = results.map(quiet);
    shown.forEach(count);
    write(assemble(await loadFormatter(settled.format), { ...input!, results: shown }));
  };
  // The formatter loads before the run, so that `end` can finish the report at once.
  if (settled.fix === 'none') stream = await loadFormatter(settled.format);
  if (stream && 'separator' in stream) hold = (await import('../workspace/held-blocks.js')).holdBlocks;

  try {
    const summary = await lintPlans(
      ws,
      {
        cwd,
        targets,
        ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
        ...(opts.rule ? { rules: opts.rule } : {}),
        clock: clockOf(io),
        env: io.env,
        fix: settled.fix,
        ...(opts.cache ? { cache: { ...(opts.cacheLocation ? { location: opts.cacheLocation } : {}), force: Boolean(opts.force) } } : {}),
        ...(reportKey !== undefined ? { reportKey } : {}),
      },
      {
        leftOut: (message) => io.stderr(message),
        start(total, run) {
          input = { rules: run.rules, enabled: Object.fromEntries(run.enabled.map((e) => [e.rule.meta.id, e.severity])), version: VERSION, color, rootUri };
          keep = run.keep;
          spinner = startSpinner(io, 'Linting plans', total);
          // On a shared terminal, findings printed as they come must not land on the spinner's line.
          sink = openSink(io.stdout, ws.root, cwd, opts.output, Boolean(opts.force), () => (io.stdoutIsTTY ? spinner!.clear() : undefined));
          if (stream && hold) held = hold(stream.separator ?? '');
        },
        replay(copy, totals) {
          copy(sink!.write);
          Object.assign(t, totals);
        },
        result(r, done) {
          spinner!.tick(done);
          if (!stream) return void results.push(r);
          const shown = quiet(r);
          count(shown);
          const block = stream.file(shown, input!);
          if (!held) write(block);
          else held.add(block);
        },
        async end(fixes) {
          spinner!.clear();
          await finish(fixes);
          return reportKey !== undefined ? { ...t } : undefined;
        },
      },
    );
    debugRun(io, summary);
    if (summary.cacheIgnored) io.stderr(`execplan: ignored the lint cache ${summary.cacheIgnored.file}: ${summary.cacheIgnored.why}; every plan is linted and the cache written afresh.\n`);
    if (summary.cacheNotSaved) io.stderr(`execplan: could not write the lint cache ${summary.cacheNotSaved}; results were not remembered.\n`);
    for (const line of summary.nothing ?? []) io.stderr(`execplan: ${line}\n`);
  } finally {
    spinner?.clear();
    sink?.close();
  }
  if (t.errors) return 1;
  if (settled.maxWarnings !== undefined && t.warnings > settled.maxWarnings) {
    io.stderr(`execplan: ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, more than --max-warnings ${settled.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

/** Check the format, `--max-warnings` and the fix mode. */
function settle(opts: LintOptions): { format: FormatName; maxWarnings?: number; fix: FixMode } {
  const format = opts.format ?? (opts.json ? 'json' : 'stylish');
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new ExecplanError('USAGE', `Unknown format "${format}"; expected one of ${FORMAT_NAMES.join(', ')}.`, { details: [...FORMAT_NAMES] });
  }
  if (opts.json && format !== 'json') throw new ExecplanError('USAGE', `--json asks for the json format, but --format says "${format}"; give one of them.`);
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    if (!/^\d+$/.test(opts.maxWarnings.trim())) throw new ExecplanError('USAGE', `--max-warnings takes a whole number of 0 or more (got "${opts.maxWarnings}").`);
    maxWarnings = Number(opts.maxWarnings);
  }
  if (opts.fix && opts.fixDryRun) throw new ExecplanError('USAGE', '--fix writes the fixes and --fix-dry-run only shows them; give one of them.');
  return { format: format as FormatName, ...(maxWarnings !== undefined ? { maxWarnings } : {}), fix: opts.fix ? 'write' : opts.fixDryRun ? 'dry-run' : 'none' };
}

/** With `EXECPLAN_DEBUG=lint` (or `1`, `true`, `*`, `all`: every debug line), say on stderr how the run went. */
export function debugRun(io: Pick<Io, 'env' | 'stderr'>, run: { plans: number; cached: number; threads: string; ms: number }): void {
  if (/(?:^|[\s,])(?:lint|1|true|\*|all)(?:$|[\s,])/i.test(io.env.EXECPLAN_DEBUG ?? '')) {
    io.stderr(`execplan: linted ${run.plans} plans (${run.cached} from the cache) on ${run.threads} in ${run.ms} ms.\n`);
  }
}
