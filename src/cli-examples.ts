/**
 * One or two real examples for each command's `--help`, by the command's path (`artifact add`).
 * test/cli-help.test.ts checks that every command of the parser shows examples.
 */
import type { Command } from 'commander';

const EXAMPLES: Record<string, string[]> = {
  init: ['execplan init', 'execplan init --agents'],
  new: ['execplan new "Add CSV export to reports"', 'execplan new "Migrate the importer" --date 2026-03-01'],
  list: ['execplan list', 'execplan list --all --json'],
  show: ['execplan show add-csv', 'execplan show add-csv --section progress'],
  lint: ['execplan lint', "execplan lint docs/exec-plans/active 'plans/**/*.md' --format github"],
  progress: ['execplan progress add-csv add "Write the exporter"', 'execplan progress add-csv done 2'],
  decide: ['execplan decide add-csv "Use the csv module" --rationale "It quotes fields correctly"'],
  discover: ['execplan discover add-csv "Excel needs a BOM to read UTF-8" --evidence "report.csv opened as mojibake"'],
  outcome: ['execplan outcome add-csv "Shipped CSV export; streaming is left for later."'],
  resume: ['execplan resume add-csv', 'execplan resume add-csv --json'],
  doctor: ['execplan doctor', 'execplan doctor --fix'],
  use: ['execplan use add-csv', 'execplan use --clear'],
  hooks: ['execplan hooks install', 'execplan hooks uninstall --codex'],
  hook: ['execplan hook session-start --agent claude < payload.json'],
  mcp: ['execplan mcp', 'claude mcp add execplan -- execplan mcp'],
  archive: ['execplan archive add-csv', 'execplan archive add-csv --force --dry-run'],
  reopen: ['execplan reopen add-csv'],
  run: ['execplan run add-csv npm test', 'execplan run add-csv --label unit python3 -m pytest -q'],
  artifact: ['execplan artifact add add-csv bench.txt', 'execplan artifact list add-csv'],
  'artifact add': ['execplan artifact add add-csv bench.txt screenshot.png', 'execplan artifact add add-csv bench.txt --force'],
  'artifact list': ['execplan artifact list add-csv', 'execplan artifact list add-csv --json'],
  log: ['execplan log add-csv', 'execplan log add-csv --json'],
  'merge-driver': ['execplan merge-driver %O %A %B %P'],
  git: ['execplan git install', 'execplan git uninstall'],
  'git install': ['execplan git install'],
  'git uninstall': ['execplan git uninstall'],
  'git hook': ['execplan git hook install', 'execplan git hook uninstall'],
  'git hook install': ['execplan git hook install'],
  'git hook uninstall': ['execplan git hook uninstall'],
  'git hook run': ['execplan git hook run'],
  completion: ['execplan completion bash > ~/.local/share/bash-completion/completions/execplan', 'execplan completion fish > ~/.config/fish/completions/execplan.fish'],
};

/** Add the examples above to the `--help` of each command that has some and shows none yet. */
export function addExamples(program: Command, prefix = ''): void {
  for (const cmd of program.commands) {
    const name = `${prefix}${cmd.name()}`;
    const lines = EXAMPLES[name];
    if (lines) cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    addExamples(cmd, `${name} `);
  }
}
