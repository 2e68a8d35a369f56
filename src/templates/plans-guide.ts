/**
 * The `.agent/PLANS.md` guide that `execplan init` writes into a repository: what an ExecPlan is,
 * where plans live, the requirements, the sections and entry formats, the commands that keep a plan
 * current, and the skeleton. Its skeleton is rendered by the same function as `execplan new` uses,
 * so the two cannot drift apart.
 */
import { renderSkeleton, SKELETON_TITLE_PLACEHOLDER } from '../core/skeleton.js';
import { DEFAULT_PATHS, type Config } from '../workspace/config.js';

const GUIDE = `# ExecPlans

How this repository plans and records substantial work. Read this guide whole
before you write or carry out an ExecPlan, and again when you resume one.

## What an ExecPlan is

An ExecPlan is a design document that someone can follow from start to finish
to deliver a working change, and that records what happened while they did.
Its reader knows nothing about the repository and has only the working tree
and the plan: no memory of earlier sessions, no chat history, no private
notes. If the work stops today, someone else must be able to pick it up
tomorrow from the plan alone.

A plan is not a ticket and not a diff. It says why the change matters, how to
see that it works, which edits to make in which order, the exact commands to
run, and what was learned on the way.

## When to write one

Write an ExecPlan before work that is any of:

- **long**: several hours or more, or likely to sprawl over several sessions;
- **cross-cutting**: it touches several subsystems or more than three files;
- **risky**: migrations, large refactors, security-sensitive changes;
- **ambiguous**: open questions or trade-offs have to be settled first;
- **hard to validate**: "done" needs a clear, checkable acceptance story.

A typo or a one-line fix needs no plan. When in doubt, write a short one.

## Where plans live

- \`.agent/execplans/\`: active plans, one Markdown file each.
- \`.agent/execplans/artifacts/<plan-id>/\`: logs, transcripts and screenshots
  that an active plan refers to.
- \`.agent/execplans/archive/\`: finished or abandoned plans.
- \`.agent/execplans/archive/artifacts/<plan-id>/\`: the artifacts of archived
  plans, moved along with them.

Name a plan file \`YYYY-MM-DD_short-description.md\`, after the day the work
started and what it does, for example
\`.agent/execplans/2026-03-10_store-readings-in-sqlite.md\`. The file name
without \`.md\` is the plan id; it also names the artifacts folder.

## Four non-negotiable requirements

Every plan meets all four: they make it useful to someone who was not there.

1. **Self-contained.** Define each term the first time you use it. Name files
   by their path from the repository root (\`src/server/routes.ts\`, never "the
   routes file" or a path that exists only on your machine). Spell out every
   command in full and say which folder it runs in. Copy the facts the plan
   relies on (an API's shape, an error message) into it instead of linking to
   a conversation.
2. **A living document.** Keep Progress, Surprises & Discoveries, Decision Log
   and Outcomes & Retrospective current at every stopping point, not only at
   the end. A stale Progress list is worse than none: it sends the next reader
   to redo finished work or to skip unfinished work. When the plan changes
   course, edit the affected sections and record why in the Decision Log.
3. **Observable behaviour.** Compiling code is not the goal. Say how a person
   sees the change working: a test that fails before and passes after, a
   command and its output, an HTTP request and its response, a flow in the
   UI. State acceptance as behaviour with expected results.
4. **Safe and repeatable.** Write steps that do no harm when run twice
   (create if missing, migrations that check what is already done). For any
   destructive or risky step, say how to back out: the backup to take, the
   rollback command, how to restore the previous state.

## The twelve sections

Use these H2 headings, spelled exactly so, in this order, under one H1 title
and the living-document sentence. Keep every section; while one has nothing
to say yet, write "None yet." rather than deleting it.

1. **Purpose / Big Picture**: what someone gains after this change and how
   they can see it working, in a few sentences a newcomer understands.
2. **Progress**: a checkbox list of concrete steps, with timestamps; it
   always tells the truth about what is done and what is next.
3. **Surprises & Discoveries**: unexpected behaviour, bugs, performance
   trade-offs and findings, each with the evidence that shows it.
4. **Decision Log**: every decision made along the way, with its reason, its
   date and who made it.
5. **Outcomes & Retrospective**: at each major milestone and at completion,
   what shipped, what did not and why, and the lessons learned.
6. **Context and Orientation**: what the reader must know first, written for
   someone who knows nothing: key files by full repository-relative path,
   terms defined, how the relevant parts fit together.
7. **Plan of Work**: in prose, the sequence of edits and additions; for each,
   the file and what changes in it. Milestones go here.
8. **Concrete Steps**: the exact commands to run and the folder to run them
   in, with short expected outputs where they help.
9. **Validation and Acceptance**: how to prove it works: tests to run,
   scenarios to exercise, the results to expect.
10. **Idempotence and Recovery**: what can safely be run again, and what needs
    cleanup or rollback when a step fails halfway.
11. **Artifacts and Notes**: short transcripts, snippets and diffs that prove
    progress; longer ones go in the plan's artifacts folder, named here.
12. **Interfaces and Dependencies**: be prescriptive: libraries and versions,
    APIs, module boundaries, names, function signatures.

## Entry formats

### Progress

Each item is a checkbox. A finished item starts with the time it was finished,
in parentheses, as \`(YYYY-MM-DD HH:MM)\`; an open item may carry the time it was
written. Tick an item only when its result can be observed. Write local time,
or UTC with a \`Z\`, as in \`(2026-03-10 13:05Z)\`, when \`execplan.json\` sets
\`"timestamps": {"style": "utc"}\`; keep to one style in a repository.

\`\`\`md
- [x] (2026-03-10 14:05) Add \`brewlog/db.py\` with the \`readings\` table.
- [ ] Import the existing CSV files into the database.
\`\`\`

When a step is partly done, split it in two: a finished item saying what was
done, and an open item saying what remains. Never leave a half-true checkbox.

\`\`\`md
- [x] (2026-03-11 09:40) Import CSV files (done: files with a header row).
- [ ] Import CSV files (remaining: files without a header row).
\`\`\`

### Surprises & Discoveries

One bullet per finding. \`Evidence:\` continues the same bullet on an indented
line: a test name, a command and its output, a measurement.

\`\`\`md
- Observation: SQLite stores the gravity 1.050 as 1.05.
  Evidence: \`sqlite3 brewlog.db "select gravity from readings"\` prints 1.05.
\`\`\`

### Decision Log

Every decision, including a change of course. \`Date/Author:\` gives the day
and whoever decided, separated by a slash.

\`\`\`md
- Decision: Keep the CSV importer after the migration.
  Rationale: Users still export readings from their hydrometer app as CSV.
  Date/Author: 2026-03-11 / Ana Ruiz
\`\`\`

## Milestones

Split big work into milestones, each ending with an outcome someone can check:
a command to run and what it shows, a test that now passes. Write them as H3
headings inside Plan of Work, such as \`### Milestone 1: Readings in SQLite\`,
each with its goal, its edits and how to verify it. When an unknown could sink
the plan, make the first milestone a spike: a small prototype that proves the
approach works before the full implementation depends on it. Progress items
may name their milestone: \`- [ ] Milestone 2: switch reads to SQLite.\` Commit
in small steps, and update Progress as each milestone ends.

## Keeping a plan current with execplan

The \`execplan\` command edits only the lines it must and keeps the formats
above. Run \`execplan <command> --help\` for every option.

- \`execplan new "short description"\` creates a plan from the skeleton below,
  named \`YYYY-MM-DD_short-description.md\`, with its artifacts folder.
- \`execplan lint\` checks every plan against this guide: sections, order,
  timestamps, entry formats, paths that do not exist.
- \`execplan progress <plan> add|done|undo|split\` adds an item, ticks one off
  with a timestamp, reopens one, or splits a partly done one in two.
- \`execplan decide <plan>\` appends a Decision / Rationale / Date/Author entry
  to the Decision Log.
- \`execplan discover <plan>\` appends an Observation / Evidence entry to
  Surprises & Discoveries.
- \`execplan outcome <plan>\` adds to Outcomes & Retrospective.
- \`execplan resume <plan>\` prints where the plan stands and the next open
  step: the place to start after a break.
- \`execplan run <plan> -- <cmd>\` runs a command, saves its transcript in the
  plan's artifacts folder and prints the path to cite.
- \`execplan artifact add <plan> <file>\` copies a file into the artifacts
  folder.
- \`execplan archive <plan>\` moves a finished plan and its artifacts to
  \`.agent/execplans/archive/\`.

## Skeleton

Copy this into a new file in \`.agent/execplans/\`, or run \`execplan new\`.
Replace the guidance lines and placeholders as you fill each section in.

<!-- markdownlint-disable MD013 -->
`;

/** The folders the guide names, repository-relative. */
export type GuidePaths = Config['paths'];

/**
 * The content of `.agent/PLANS.md` for a workspace whose plans live in `paths`: the guide, naming
 * those folders, ending with the skeleton in a `md` fence.
 */
export function plansGuide(paths: GuidePaths = DEFAULT_PATHS): string {
  // The pattern tries the longest first, so the archive's artifacts folder is not read as the archive plus `artifacts/`.
  const folders = new Map((Object.keys(DEFAULT_PATHS) as (keyof GuidePaths)[]).map((k) => [`${DEFAULT_PATHS[k]}/`, `${paths[k]}/`]));
  const guide = GUIDE.replace(/\.agent\/execplans\/(?:archive\/artifacts\/|archive\/|artifacts\/)?/g, (found) => folders.get(found)!);
  return `${guide}\n\`\`\`md\n${renderSkeleton({ title: SKELETON_TITLE_PLACEHOLDER })}\`\`\`\n`;
}

/** The guide for the default folders (`.agent/execplans/` and the folders inside it). */
export const PLANS_GUIDE: string = plansGuide();
