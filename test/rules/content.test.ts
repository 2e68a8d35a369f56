/** Rules about what the plan says: paths, commands, validation, milestones, outside context, file name, artifacts. */
import { rule as artifactsFolder } from '../../src/rules/artifacts-folder.js';
import { rule as concreteSteps } from '../../src/rules/concrete-steps.js';
import { rule as fileName } from '../../src/rules/file-name.js';
import { rule as milestoneOutcome } from '../../src/rules/milestone-outcome.js';
import { rule as noOutsideContext } from '../../src/rules/no-outside-context.js';
import { fileLike, mentionsChange, rule as referencedPathsExist } from '../../src/rules/referenced-paths-exist.js';
import { rule as repoRelativePaths } from '../../src/rules/repo-relative-paths.js';
import { rule as validationObservable } from '../../src/rules/validation-observable.js';
import { describe, expect, it } from 'vitest';
import { GOOD, lintWith, ruleTable } from './helpers.js';

const context = (body: string) => `# T\n\n## Context and Orientation\n\n${body}`;
const steps = (body: string) => `# T\n\n## Concrete Steps\n\n${body}`;
const validation = (body: string) => `# T\n\n## Validation and Acceptance\n\n${body}`;

ruleTable(repoRelativePaths, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'system paths and URLs', text: context('Logs go to `/var/log/app.log`; the API serves `/api/users/1` at https://example.com/Users/list.\n') },
    { name: 'output captured in a text block', text: context('```text\nError at /home/ci/work/app/src/a.ts:3\n```\n') },
    { name: 'output lines of a console block', text: context('```console\n$ npm test\nFAIL /Users/dana/app/test/a.test.ts\n```\n') },
    { name: 'an allowed prefix', text: context('The device mounts at `/home/pi/data`.\n'), options: { allow: ['/home/pi/'] } },
    { name: 'a tool\'s own default location, named as such', text: context('The compiler keeps its cache in `~/.cache/zig` by default.\n') },
    { name: 'a tool\'s location beside the variable that moves it', text: context('Checkpoints are read from `$MODEL_HOME` or `~/.cache/models`.\n') },
    { name: 'scratch files in /tmp', text: context('Run `uv run app summarize --output /tmp/summary.json`.\n') },
    {
      name: 'the folders of the server the plan works on',
      text: context('The remote server has a full data disk at `/root/data`.\n\nOn the server, move `/root/data/old` to `/root/archive/old`, then check each node.\n'),
    },
  ],
  invalid: [
    { name: 'a home folder in prose', text: context('The repo is at /Users/dana/src/app.\n'), errors: [{ line: 5, column: 16, message: /"\/Users\/dana\/src\/app" only exists on one machine/ }] },
    { name: 'inline code', text: context('Edit `~/.config/app.toml` and `C:\\work\\app\\main.py`.\n'), errors: [{ line: 5, column: 7 }, { line: 5, column: 32 }] },
    { name: 'a command in a shell block', text: context('```bash\ncd /home/dana/app\n# cd /home/dana/old is a comment\n```\n'), errors: [{ line: 6, column: 4 }] },
    { name: 'a prompt line in an indented block', text: context('    $ cd /workspace/app\n    /workspace/app/out.txt written\n'), errors: [{ line: 5, column: 10 }] },
    { name: 'a file link', text: context('See [the log](file:///tmp/run.log).\n'), errors: [{ line: 5, column: 15 }] },
    { name: 'a home folder further down a path', text: context('The helper is `/agent-state/dev-1/home/.codex/scripts/init.py`.\n'), errors: [{ line: 5, column: 16 }] },
    {
      name: 'a checkout in /tmp used as the working directory, and its commands in an indented block',
      text: context('Working directory:\n\n    /tmp/app-checkout\n\nThen:\n\n    python /tmp/app-checkout/tools/gen.py --all\n'),
      errors: [{ line: 7, column: 5 }, { line: 11, column: 12 }],
    },
    {
      name: 'a path with spaces in a code span is quoted whole',
      text: context('Open `/Users/Dana Lee/My App/main.py` or `C:\\Program Files\\App\\app.exe`.\n'),
      errors: [
        { line: 5, column: 7, message: /"\/Users\/Dana Lee\/My App\/main\.py" only exists/ },
        { line: 5, column: 43, message: /"C:\\Program Files\\App\\app\.exe" only exists/ },
      ],
    },
  ],
});

ruleTable(referencedPathsExist, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a file the plan creates', text: context('Create `src/retry.ts` with the backoff loop.\n') },
    { name: 'created once, named again later', text: context('Add `src/retry.ts`.\n\nThen import `src/retry.ts` from `src/upload.ts`.\n') },
    { name: 'listed under a new-files lead-in', text: context('New files:\n\n- `src/retry.ts`\n- `test/retry.test.ts`\n') },
    { name: 'inside a folder the plan creates', text: context('Create the folder `src/retry/`.\n\nIt will hold `src/retry/index.ts`.\n') },
    { name: 'a file the plan removes', text: context('Delete `src/legacy.ts`.\n') },
    { name: 'not file-like', text: context('Run `npm test`, set `retries: 3`, see `github.com/org/repo.git`, `*.ts`, `src/`, `<id>/log.md`.\n') },
    { name: 'paths inside code blocks', text: context('```bash\ncat src/missing.ts\n```\n') },
    { name: 'the plan itself and its artifacts', text: context('This file, `.agent/execplans/2026-01-05_add-upload-retry.md`, logs to `.agent/execplans/artifacts/2026-01-05_add-upload-retry/run.log`.\n') },
    { name: 'a line suffix', text: context('See `src/upload.ts:42`.\n') },
  ],
  invalid: [
    { name: 'a missing file', text: context('The parser lives in `src/parser.ts`.\n'), errors: [{ line: 5, column: 22, message: /"src\/parser\.ts" does not exist/ }] },
    { name: 'a missing root file, reported once', text: context('Read `AGENTS.md` first.\n\nThen `AGENTS.md` again.\n'), errors: [{ line: 5, column: 7 }] },
  ],
});

describe('mentionsChange', () => {
  it('finds the words whole, in any case, and the Chinese ones anywhere', () => {
    const says = ['Create the folder', 'RE-CREATE it', 'It will contain the cache', 'Adds a hook', 'nuevas tablas', '新增文件 x'];
    const not = ['created_at is a column', 'addition', 'news', 'will  contain (two spaces)', 'it will contains', 'swill contain', 'add2'];
    for (const t of says) expect(mentionsChange(t), t).toBe(true);
    for (const t of not) expect(mentionsChange(t), t).toBe(false);
  });
});

describe('fileLike', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['src/a.ts:12', 'src/a.ts'],
    ['docs/a.md#usage', 'docs/a.md'],
    ['.agent/PLANS.md', '.agent/PLANS.md'],
    ['package.json', 'package.json'],
    ['README', undefined],
    ['npm test', undefined],
    ['example.com/a.html', undefined],
    ['../other/a.ts', undefined],
    ['/etc/hosts.conf', undefined],
    ['src/*.ts', undefined],
    ['src/lib', undefined],
    ['a.ts', undefined],
  ])('%s', (input, expected) => {
    expect(fileLike(input)).toBe(expected);
  });
});

ruleTable(concreteSteps, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a cd in the block', text: steps('```bash\ncd services/api\nnpm test\n```\n') },
    { name: 'a prompt line and a folder in backticks', text: steps('From `services/api`:\n\n$ make test\n') },
    { name: 'a command named inline', text: steps('1. Working directory: repository root. Run `streamlit run app.py`.\n') },
    { name: 'the working directory named in Japanese', text: steps('作業ディレクトリはリポジトリのルートとする。\n\n    npm test\n') },
    { name: 'the working directory named in German', text: steps('Im Arbeitsverzeichnis ausführen:\n\n    make check\n') },
    { name: 'the working directory named in Russian', text: steps('Из корня репозитория:\n\n    cargo test\n') },
    { name: 'only the guidance (no-placeholder-text reports it)', text: steps('Exact commands to run (and where). Include short expected outputs when helpful.\n') },
    { name: 'empty but for the thematic break that closes it', text: '# T\n\n## Concrete Steps\n\n---\n\n## Validation and Acceptance\n' },
    { name: 'lines indented too little to be code', text: steps('Run these from the repository root:\n\n  rg -n "TODO" src\n  ls -a\n') },
    { name: 'commands on a server naming their places by absolute paths', text: steps('1. Move the cold backups with `rsync -a /srv/cache/old/ /archive/cache/`.\n2. Check the space with `df -h /srv/cache`.\n') },
  ],
  invalid: [
    { name: 'edits only', text: steps('1. In `src/a.ts`, remove the role type.\n2. Update the loader.\n'), errors: [{ line: 3, message: /shows no command/ }] },
    { name: 'a Markdown template is not a command', text: steps('Add this section to the template:\n\n```markdown\n## Managed section\n```\n'), errors: [{ line: 3, message: /shows no command/ }] },
    { name: 'commands without a place', text: steps('    npm ci\n    npm test\n'), errors: [{ line: 3, message: /does not say where/ }] },
    { name: 'a file to edit is not a place to run', text: steps('In `src/a.ts`, drop the role type, then:\n\n    npm test\n'), errors: [{ line: 3, message: /does not say where/ }] },
  ],
});

ruleTable(validationObservable, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a UI flow', text: validation('Open http://localhost:3000, click Upload, and you should see the file listed.\n') },
    { name: 'an HTTP call', text: validation('POST /api/upload with a file returns 201.\n') },
    { name: 'only the guidance (no-placeholder-text reports it)', text: validation('How to prove it works: tests to run, scenarios to exercise, expected results.\n') },
    { name: 'a program named by its path, with options', text: validation('- `scripts/quality-radar --format markdown --output out.md` exits 0 and writes a readable report.\n') },
    { name: 'a script by its name, with options', text: validation('- `run_feedback_loop.py --mode analyze` fills the table; expect one row per run.\n') },
    { name: 'a program unknown to execplan, with an option', text: validation('- `automolt automation setup --help` shows the new option.\n') },
    { name: 'a program and a subcommand on a line that says what it produces', text: validation('- [ ] `specops update` with codex targets produces AGENTS.md.\n') },
    { name: 'test and lint commands: passing is their result', text: validation('- `go test ./internal/config ./...`\n- `make ci`\n') },
    { name: 'a described UI flow with a stated result', text: validation('Dragging a node onto another snaps them together and the outline updates.\n') },
    { name: 'what a user can do, as criteria', text: validation('Acceptance:\n\n- A user can choose a theme from the menu.\n- The page keeps the theme after it reloads.\n') },
    { name: 'a flow described in Japanese', text: validation('タグをかざすと、紐づけ先が左に表示される。\n') },
    { name: 'results stated in Chinese, the command in Concrete Steps', text: `${steps('From the repository root:\n\n    pytest -q\n')}\n## Validation and Acceptance\n\n- 预期：所有用例通过，磁盘剩余空间不少于 10G。\n` },
    { name: 'a labelled list of criteria in Spanish', text: validation('Ejecutar `npm run e2e`.\n\nCriterios de aceptación:\n\n- El usuario ve la lista filtrada.\n') },
    { name: 'the validation goes on in a section of its own', text: `${validation('    npm run build\n')}\n## Done Criteria (Observable)\n\n- The report lists one row per run.\n` },
    { name: 'a named smoke test to run', text: validation('- Run: the auth smoke test and record its output in `docs/acceptance.md`.\n') },
  ],
  invalid: [
    { name: 'words in code on a line that says nothing runs', text: validation('The `cache layer` should be faster than before.\n'), errors: [{ line: 3, message: /names nothing to run/ }] },
    { name: 'a file, not a command', text: validation('`src/cache.ts` should be faster than before.\n'), errors: [{ line: 3, message: /names nothing to run/ }] },
    { name: 'nothing to run', text: validation('The feature works well and the code is clean, as described in the plan.\n'), errors: [{ line: 3, message: /names nothing to run/ }, { line: 3, message: /states no expected result/ }] },
    { name: 'a command but no expectation', text: validation('    npm run build\n'), errors: [{ line: 3, message: /no expected result/ }] },
    { name: 'an expectation but no command', text: validation('All tests should pass.\n'), errors: [{ line: 3, message: /nothing to run/ }] },
  ],
});

ruleTable(milestoneOutcome, {
  valid: [
    { name: 'the good plan (no milestones)', text: GOOD },
    { name: 'acceptance words', text: '# T\n\n## Plan of Work\n\n### Milestone 1: Parser\n\nWrite the parser. Acceptance: `npm test` passes.\n' },
    { name: 'a command only', text: '# T\n\n## Plan of Work\n\n### Milestone 1: Parser\n\nWrite the parser.\n\n    npm run build\n' },
    { name: 'a container of milestones', text: '# T\n\n## Milestones\n\n### Milestone 1\n\nVerify with the smoke test.\n' },
    { name: 'headings inside Progress', text: '# T\n\n## Progress\n\n### Phase 1\n\n- [ ] a\n' },
    { name: 'a labelled list of requirements', text: '# T\n\n## Plan of Work\n\n### Milestone 2: Commands\n\nRequirements:\n\n- Undoing a delete restores the objects in their order.\n' },
    { name: 'exit criteria labelled in Chinese', text: '# T\n\n## Plan of Work\n\n### 里程碑 1：解析器\n\n- 完成标准：解析全部样例文件，无报错。\n' },
    { name: 'a measured result', text: '# T\n\n## Plan of Work\n\n### Milestone 1: Cache\n\nCold start under 200 ms on the sample project.\n' },
  ],
  invalid: [
    { name: 'no outcome', text: '# T\n\n## Plan of Work\n\n### Milestone 1: Parser\n\nWrite the parser.\n\n### Milestone 2: Printer\n\nWrite the printer; verify the round trip.\n', errors: [{ line: 5, message: /Milestone "Milestone 1: Parser" does not say how to verify it/ }] },
  ],
});

ruleTable(noOutsideContext, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'pointing inside the plan', text: context('As discussed above, and as discussed in the Decision Log, the queue stays.\n') },
    { name: 'a labelled request', text: context('The user asked for Python only; that is the scope.\n') },
    { name: 'in code', text: context('```text\nas discussed\n```\n') },
  ],
  invalid: [
    { name: 'as discussed', text: context('We keep the queue, as discussed.\n'), errors: [{ line: 5, column: 20, message: /"as discussed" points at a conversation/ }] },
    { name: 'per our conversation', text: context('Per our conversation, drop v1.\n'), errors: [{ line: 5, column: 1 }] },
    { name: 'a chat link', text: context('Background: https://chatgpt.com/share/abc-123\n'), errors: [{ line: 5, column: 13, message: /link/ }] },
    { name: 'a Slack thread', text: context('See https://acme.slack.com/archives/C01/p123 for the reasons.\n'), errors: [{ line: 5, column: 5 }] },
  ],
});

ruleTable(fileName, {
  valid: [
    { name: 'the specification form', text: GOOD },
    { name: 'a description in another script', text: GOOD, ctx: { file: { path: 'p/2026-01-05_日本語のプラン.md', name: '2026-01-05_日本語のプラン.md' } } },
    { name: 'lower-case words of two scripts', text: GOOD, ctx: { file: { path: 'p/2026-01-05_ελληνικά-docs.md', name: '2026-01-05_ελληνικά-docs.md' } } },
  ],
  invalid: [
    { name: 'capitals of another script', text: GOOD, ctx: { file: { path: 'p/2026-01-05_Ελληνικά.md', name: '2026-01-05_Ελληνικά.md' } }, errors: [{ line: 1 }] },
    { name: 'punctuation of another script', text: GOOD, ctx: { file: { path: 'p/2026-01-05_日本語。.md', name: '2026-01-05_日本語。.md' } }, errors: [{ line: 1 }] },
    { name: 'no date', text: GOOD, ctx: { file: { path: 'docs/plans/retry.md', name: 'retry.md' } }, errors: [{ line: 1, message: /"retry\.md" does not follow/ }] },
    { name: 'a dash after the date', text: GOOD, ctx: { file: { path: 'p/2026-01-05-retry.md', name: '2026-01-05-retry.md' } }, errors: [{ line: 1 }] },
    { name: 'a date that does not exist', text: GOOD, ctx: { file: { path: 'p/2026-02-30_retry.md', name: '2026-02-30_retry.md' } }, errors: [{ line: 1, message: /does not exist/ }] },
  ],
});

ruleTable(artifactsFolder, {
  valid: [
    { name: 'it exists', text: GOOD },
    { name: 'unknown (no workspace)', text: GOOD, ctx: { artifacts: undefined } },
  ],
  invalid: [{ name: 'missing', text: GOOD, ctx: { artifacts: { path: '.agent/execplans/artifacts/x', exists: false } }, errors: [{ line: 1, message: /"\.agent\/execplans\/artifacts\/x\/" does not exist/ }], output: null }],
});

describe('artifacts-folder fix', () => {
  const report = (artifacts: { path: string; exists: boolean; creatable?: boolean }) => lintWith(artifactsFolder, GOOD, { ctx: { artifacts } })[0];
  it('names the folder to create, unless no folder can be made under that name', () => {
    expect(report({ path: '.agent/execplans/artifacts/x', exists: false })?.createFolder).toBe('.agent/execplans/artifacts/x');
    expect(report({ path: '.agent/execplans/artifacts/x', exists: false, creatable: false })?.createFolder).toBeUndefined();
  });
});
