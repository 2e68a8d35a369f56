import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { RULES } from '../src/rules/index.js';
import { runCli } from './helpers.js';
import { lintWorkspace, NO_TITLE, PLAN, PLAN_PATH } from './helpers/lint-workspace.js';
import { GOOD, withoutSection } from './rules/helpers.js';

const NO_ARTIFACTS_SECTION = withoutSection(GOOD, '## Artifacts and Notes');

describe('execplan lint: exit codes', () => {
  it('exits 0 and says so when every plan is clean', async () => {
    const { root } = lintWorkspace();
    const r = await runCli(['lint'], { cwd: root });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✔ 1 plan checked: no problems\n');
  });

  it('holds a plan to its own timestamp style unless execplan.json sets one', async () => {
    const { root, write } = lintWorkspace();
    write(PLAN_PATH, GOOD.replace(/\((2026-01-0\d \d\d:\d\d)\)/g, '($1Z)'));
    expect(await runCli(['lint'], { cwd: root })).toMatchObject({ code: 0, stdout: '✔ 1 plan checked: no problems\n' });
    writeFileSync(path.join(root, 'execplan.json'), JSON.stringify({ timestamps: { style: 'local' } }));
    const r = await runCli(['lint'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('is not in the configured local style');
  });

  it('exits 1 on an error-level finding and names file, position and rule', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const r = await runCli(['lint'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.agent/execplans/2026-01-06_no-title.md\n  3:1  error  The plan has no H1 title');
    expect(r.stdout).toMatch(/title\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/);
  });

  it('counts warnings against --max-warnings, and --quiet hides them', async () => {
    const { root } = lintWorkspace();
    rmSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
    const plain = await runCli(['lint'], { cwd: root });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warning  The artifacts folder');
    expect((await runCli(['lint', '--max-warnings', '1'], { cwd: root })).code).toBe(0);
    const over = await runCli(['lint', '--max-warnings', '0'], { cwd: root });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0 allows');
    const quiet = await runCli(['lint', '--quiet'], { cwd: root });
    expect(quiet).toMatchObject({ code: 0, stdout: '✔ 1 plan checked: no problems\n' });
  });

  it.each([
    [['lint', '--format', 'xml'], /Unknown format "xml"; expected one of stylish, json, github, sarif/],
    [['lint', '--rule', 'no-such-rule=off'], /--rule names unknown rule "no-such-rule"\. Known rules: title, /],
    [['lint', '--rule', 'titel=off'], /unknown rule "titel"\. Did you mean "title"\?/],
    [['lint', '--rule', 'title'], /--rule takes <rule-id>=<off\|warn\|error>/],
    [['lint', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
    [['lint', '--profile', 'lenient'], /Unknown profile "lenient"/],
    [['lint', '--fix', '--fix-dry-run'], /give one of them/],
    [['lint', 'no-such-plan'], /No plan matches "no-such-plan"/],
    [['lint', 'docs/*.md'], /No plan file matches "docs\/\*\.md"/],
  ])('exits 2 on a usage mistake: %j', async (argv, message) => {
    const { root } = lintWorkspace();
    const r = await runCli(argv, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an unknown rule in execplan.json, naming it', async () => {
    const { root, write } = lintWorkspace();
    write('execplan.json', JSON.stringify({ lint: { rules: { 'no-such-rule': 'warn' } } }));
    const r = await runCli(['lint'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-such-rule"/);
  });

  it('lists every problem of the lint settings at once: unknown rules and options, and option values of the wrong kind', async () => {
    const { root, write } = lintWorkspace();
    write('execplan.json', JSON.stringify({ lint: { rules: { nope: 'warn', title: ['error', { x: 1 }], 'timestamp-valid': ['error', { toleranceMinutes: 'x' }], 'heading-style': ['warn', { allowVariants: 'yes' }], 'repo-relative-paths': ['error', { allow: '/home/ci' }] } } }));
    const r = await runCli(['lint'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'execplan: execplan.json has 5 problems in its lint settings:',
        `  - "lint.rules" names unknown rule "nope"; known rules: ${RULES.map((x) => x.meta.id).join(', ')}.`,
        '  - "lint.rules.title" has unknown option "x"; this rule takes no options.',
        '  - "lint.rules.heading-style" option "allowVariants" must be true or false (got "yes").',
        '  - "lint.rules.timestamp-valid" option "toleranceMinutes" must be a number (got "x").',
        '  - "lint.rules.repo-relative-paths" option "allow" must be a list of strings (got "/home/ci").',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 on a plan it cannot read, naming the file', async () => {
    const { root } = lintWorkspace();
    symlinkSync(path.join(root, 'nowhere.md'), path.join(root, '.agent/execplans/2026-01-07_dangling.md'));
    const r = await runCli(['lint'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot read .agent/execplans/2026-01-07_dangling.md: it does not exist');
  });

  it('keeps stdout to one JSON document when the option parser refuses the command line', async () => {
    const { root } = lintWorkspace();
    for (const args of [['new', '--json'], ['new', 'x', 'y', '--json'], ['show', '--json'], ['lint', '--json', '--bogus'], ['lint', '--format', 'json', '--bogus'], ['artifact', 'bogus', '--json'], ['decide', '--json']]) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(2);
      const doc = JSON.parse(r.stdout);
      expect(doc, args.join(' ')).toMatchObject({ ok: false, error: { code: 'USAGE' } });
      expect(r.stderr, args.join(' ')).toContain(doc.error.message);
    }
  });

  it('keeps stdout to one JSON document for a usage error with --format json', async () => {
    const { root } = lintWorkspace();
    const r = await runCli(['lint', '--format', 'json', '--rule', 'nope=warn'], { cwd: root });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});

describe('execplan lint: choosing plans and rules', () => {
  it('takes ids, prefixes, paths, folders and globs, each plan once, in path order', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE, '2026-02-01_later': GOOD });
    const files = async (...args: string[]) => {
      const r = await runCli(['lint', '--format', 'json', ...args], { cwd: root });
      return JSON.parse(r.stdout).results.map((x: { file: string }) => path.basename(x.file));
    };
    expect(await files()).toEqual(['2026-01-05_add-upload-retry.md', '2026-01-06_no-title.md', '2026-02-01_later.md']);
    expect(await files('2026-02')).toEqual(['2026-02-01_later.md']);
    expect(await files(PLAN_PATH, PLAN)).toEqual(['2026-01-05_add-upload-retry.md']);
    expect(await files('.agent/execplans/2026-01-*.md')).toEqual(['2026-01-05_add-upload-retry.md', '2026-01-06_no-title.md']);
    expect(await files('**/*_{later,no-title}.md')).toEqual(['2026-01-06_no-title.md', '2026-02-01_later.md']);
    expect(await files('.agent/execplans')).toHaveLength(3);
  });

  it('resolves globs from the folder it runs in', async () => {
    const { root } = lintWorkspace({ '2026-02-01_later': GOOD });
    const r = await runCli(['lint', '--format', 'json', '2026-02-*.md'], { cwd: path.join(root, '.agent/execplans') });
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual(['.agent/execplans/2026-02-01_later.md']);
  });

  it('lets --rule and --profile override the configuration', async () => {
    const { root, write } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    write('execplan.json', JSON.stringify({ lint: { rules: { title: 'warn' } } }));
    expect((await runCli(['lint'], { cwd: root })).code).toBe(0);
    const r = await runCli(['lint', '--rule', 'title=error'], { cwd: root });
    expect(r.code).toBe(1);
    expect((await runCli(['lint', '--rule', 'title=off', '--format', 'json'], { cwd: root })).stdout).toContain('"errorCount": 0');
    rmSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
    // artifacts-folder is off in the recommended profile.
    expect((await runCli(['lint', '--profile', 'recommended', PLAN], { cwd: root })).stdout).toBe('✔ 1 plan checked: no problems\n');
    expect((await runCli(['lint', PLAN], { cwd: root })).stdout).toContain('artifacts-folder');
  });
});

describe('execplan lint: formats and output', () => {
  it('prints exactly one JSON document with --json and --format json', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    for (const flag of [['--json'], ['--format', 'json']]) {
      const r = await runCli(['lint', ...flag], { cwd: root });
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ errorCount: 1, warningCount: 0, fileCount: 2 });
      expect(doc.rules.find((x: { id: string }) => x.id === 'title')).toMatchObject({ severity: 'error', fixable: false });
    }
  });

  it('prints GitHub workflow commands and SARIF', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const gh = await runCli(['lint', '--format', 'github'], { cwd: root });
    expect(gh.stdout).toBe('::error file=.agent/execplans/2026-01-06_no-title.md,line=3,col=1,title=title::The plan has no H1 title; expected a first line like "# Add retry to the upload client".\n');
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif'], { cwd: root })).stdout);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const r = await runCli(['lint', '--format', 'sarif', '--output', 'reports/lint.sarif'], { cwd: root });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(path.join(root, 'reports/lint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('colours stylish output only when asked', async () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    expect((await runCli(['lint'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31merror');
    expect((await runCli(['lint', '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint'], { cwd: root, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('shows progress on a terminal for many plans, erased at the end, never on stdout', async () => {
    const plans: Record<string, string> = {};
    for (let i = 10; i < 70; i++) plans[`2026-01-${String(i).padStart(3, '0')}_p`] = GOOD;
    const { root } = lintWorkspace(plans);
    let stdout = '';
    let stderr = '';
    const io = { cwd: root, env: { EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' }, stdout: (s: string | Uint8Array) => void (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), stderr: (s: string) => void (stderr += s), stdoutIsTTY: false, stderrIsTTY: true };
    expect(await main(['lint', '--format', 'json', '--rule', 'file-name=off'], io)).toBe(0);
    expect(stderr.startsWith('\r\u001b[2KLinting plans ')).toBe(true);
    expect(stderr).toContain('Linting plans 61/61');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(JSON.parse(stdout).fileCount).toBe(61);
  });
});

describe('execplan lint --fix', () => {
  it('fixes, writes through the store, creates the artifacts folder, and leaves nothing fixable', async () => {
    const { root, write } = lintWorkspace();
    const file = write(PLAN_PATH, NO_ARTIFACTS_SECTION);
    rmSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
    const before = JSON.parse((await runCli(['lint', '--json'], { cwd: root })).stdout);
    // The inserted section, and the artifacts folder to create.
    expect(before.fixableCount).toBe(2);
    const r = await runCli(['lint', '--fix'], { cwd: root });
    expect(r.stderr).toBe('Fixed 2 problems in 1 plan.\n');
    expect(existsSync(path.join(root, '.agent/execplans/artifacts', PLAN))).toBe(true);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('## Artifacts and Notes\n');
    // Only an insertion: the text before it and after it is untouched.
    const at = after.indexOf('## Artifacts and Notes');
    expect(after.slice(0, at)).toBe(NO_ARTIFACTS_SECTION.slice(0, at));
    expect(after.endsWith(NO_ARTIFACTS_SECTION.slice(at))).toBe(true);
    const again = JSON.parse((await runCli(['lint', '--json'], { cwd: root })).stdout);
    expect(again.fixableCount).toBe(0);
    expect(again.results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('artifacts-folder');
    // The remaining findings are what --fix reported.
    expect(r.stdout).toBe((await runCli(['lint'], { cwd: root })).stdout);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const { root, write } = lintWorkspace();
    const file = write(PLAN_PATH, NO_ARTIFACTS_SECTION);
    rmSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
    const r = await runCli(['lint', '--fix-dry-run'], { cwd: root });
    expect(r.stdout).toMatch(new RegExp(`^--- a/${PLAN_PATH}\\n\\+\\+\\+ b/${PLAN_PATH}\\n@@ -\\d+,\\d+ \\+\\d+,\\d+ @@\\n`));
    expect(r.stderr).toBe(`execplan: --fix would create .agent/execplans/artifacts/${PLAN}/\n`);
    expect(r.stdout).toContain('\n+## Artifacts and Notes\n');
    expect(readFileSync(file, 'utf8')).toBe(NO_ARTIFACTS_SECTION);
    expect(existsSync(path.join(root, '.agent/execplans/artifacts', PLAN))).toBe(false);
    const toFile = await runCli(['lint', '--fix-dry-run', '--output', 'fix.diff'], { cwd: root });
    expect(toFile.stdout).toBe('');
    expect(readFileSync(path.join(root, 'fix.diff'), 'utf8')).toContain('\n+## Artifacts and Notes\n');
    const json = JSON.parse((await runCli(['lint', '--fix-dry-run', '--json'], { cwd: root })).stdout);
    expect(json.results[0].output).toContain('## Artifacts and Notes');
    expect(readFileSync(file, 'utf8')).toBe(NO_ARTIFACTS_SECTION);
  });

  it('keeps CRLF line endings and a BOM when fixing', async () => {
    const { root, write } = lintWorkspace();
    const crlf = `\uFEFF${NO_ARTIFACTS_SECTION.replace(/\n/g, '\r\n')}`;
    const file = write(PLAN_PATH, crlf);
    await runCli(['lint', '--fix'], { cwd: root });
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after).toContain('## Artifacts and Notes\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    writeFileSync(file, after);
  });
});
