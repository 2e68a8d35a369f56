import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkOp, type Op } from './helpers/edit-properties.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

// Words that cannot form a label, a timestamp, a list marker or a placeholder on their own.
const WORDS = ['parser', 'tests', 'über', 'naïve', '中文', 'arrow→', 'dash—dash', 'x1', 'v2', 'fix', 'Build', 'the', 'cache', 'read', 'tab\tinside', '“quoted”', 'emoji✅', 'zero\u200Bwidth'];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), text, done: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('done' as const, 'undo' as const), item: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('split' as const), item: fc.integer({ min: 1, max: 40 }), done: text, remaining: text }),
  fc.record({ kind: fc.constant('decide' as const), decision: text, rationale: text, author: line }),
  fc.record({ kind: fc.constant('discover' as const), observation: text, evidence: text }),
  fc.record({ kind: fc.constant('outcome' as const), text }),
);

const stamp = fc.constantFrom('', '(2026-01-05 02:10Z) ', '(2026-02-07) ', '(2026-03-19T00:00:00Z) ', '2026-05-08T23:18:28Z - ', '(2025-12-29 21:05 CET) ', '(YYYY-MM-DD HH:MM) ');

/** A Progress body: items in one of the list styles real plans use, sometimes under sub-headings or after prose. */
const progressBody = fc
  .record({
    marker: fc.constantFrom('-', '*', '1.'),
    indent: fc.constantFrom('', '  '),
    loose: fc.boolean(),
    guidance: fc.boolean(),
    milestones: fc.boolean(),
    items: fc.array(fc.record({ mark: fc.constantFrom(' ', 'x', '~'), stamp, text: line, cont: fc.option(line, { nil: undefined }), child: fc.constantFrom('none', 'item', 'placeholder') }), { maxLength: 6 }),
    placeholder: fc.constantFrom('none', 'item', 'note'),
  })
  .map((b) => {
    const items = b.items.map((it, i) => {
      const marker = b.marker === '1.' ? `${i + 1}.` : b.marker;
      const pad = ' '.repeat(marker.length + 1);
      let s = `${b.indent}${marker} [${it.mark}] ${it.stamp}${it.text}`;
      if (it.cont) s += `\n${b.indent}${pad}${it.cont}`;
      if (it.child === 'item') s += `\n${b.indent}${pad}- [ ] child of ${i + 1}`;
      if (it.child === 'placeholder') s += `\n${b.indent}${pad}- [ ] (YYYY-MM-DD HH:MM) First concrete step.`;
      return s;
    });
    if (b.placeholder === 'item') items.unshift(`${b.indent}- [ ] (YYYY-MM-DD HH:MM) First concrete step.`);
    const parts: string[] = [];
    if (b.guidance) parts.push('Use checkboxes + timestamps.');
    if (b.placeholder === 'note' && !items.length) parts.push('None yet.');
    if (b.milestones && items.length > 1) {
      const half = Math.ceil(items.length / 2);
      parts.push('### Milestone 1', items.slice(0, half).join(b.loose ? '\n\n' : '\n'), '### Milestone 2', items.slice(half).join(b.loose ? '\n\n' : '\n'));
    } else if (items.length) parts.push(items.join(b.loose ? '\n\n' : '\n'));
    return parts.join('\n\n');
  });

const logBody = (first: string, second: string) =>
  fc
    .record({
      form: fc.constantFrom('spec', 'placeholder', 'none-yet', 'prose', 'bold', 'empty'),
      count: fc.integer({ min: 1, max: 3 }),
      loose: fc.boolean(),
      value: line,
    })
    .map((b) => {
      if (b.form === 'empty') return '';
      if (b.form === 'prose') return `Some prose about ${b.value}.`;
      if (b.form === 'none-yet') return '- None yet.';
      if (b.form === 'placeholder') return `- ${first}: …\n  ${second}: …`;
      const lbl = (s: string) => (b.form === 'bold' ? `**${s}:**` : `${s}:`);
      const one = (i: number) => `- ${lbl(first)} ${b.value} ${i}\n  ${lbl(second)} ${b.value}${first === 'Decision' ? `\n  ${lbl('Date/Author')} 2026-01-0${i} / x` : ''}`;
      return Array.from({ length: b.count }, (_, i) => one(i + 1)).join(b.loose ? '\n\n' : '\n');
    });

const SECTION_BODIES: [string, fc.Arbitrary<string>][] = [
  ['Purpose / Big Picture', line],
  ['Progress', progressBody],
  ['Surprises & Discoveries', logBody('Observation', 'Evidence')],
  ['Decision Log', logBody('Decision', 'Rationale')],
  ['Outcomes & Retrospective', fc.constantFrom('', 'At completion, summarize.', '- (2026-01-01 10:00Z) M1 shipped.', '_TBD._', 'Shipped the parser.\nAnd the linter.')],
  ['Context and Orientation', fc.constantFrom('Files: `src/a.ts`.', '    indented code\n    block', '```bash\nnpm test\n```')],
  ['Revision Notes', fc.constantFrom('- r1', 'Changed scope.')],
];

const plan = fc
  .record({
    bom: fc.boolean(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    frontMatter: fc.boolean(),
    fence: fc.boolean(),
    level: fc.constantFrom(2, 2, 2, 1, 3),
    present: fc.array(fc.boolean(), { minLength: SECTION_BODIES.length, maxLength: SECTION_BODIES.length }),
    bodies: fc.tuple(...SECTION_BODIES.map(([, b]) => b)),
    shuffle: fc.boolean(),
    seed: fc.integer(),
  })
  .map((p) => {
    const sections = SECTION_BODIES.map(([title], i) => ({ title, body: p.bodies[i]! })).filter((_, i) => p.present[i]);
    if (p.shuffle) sections.sort((a, b) => ((a.title.length * 31 + p.seed) % 7) - ((b.title.length * 31 + p.seed) % 7));
    const hashes = '#'.repeat(p.level);
    const blocks = [p.level === 1 ? '' : '# The plan', 'This ExecPlan is a living document.', ...sections.map((s) => (s.body ? `${hashes} ${s.title}\n\n${s.body}` : `${hashes} ${s.title}`))].filter(Boolean);
    let text = blocks.join('\n\n');
    if (p.frontMatter) text = `---\nid: EP-1\nstatus: active\n---\n${text}`;
    if (p.fence) text = `\`\`\`md\n${text}\n\`\`\``;
    if (p.finalNewline) text += '\n';
    if (p.crlf) text = text.replace(/\n/g, '\r\n');
    return (p.bom ? '\uFEFF' : '') + text;
  });

describe('edit properties over generated plans', () => {
  it('every edit changes only its lines and parses back with the entry in place', () => {
    fc.assert(
      fc.property(plan, fc.array(op, { minLength: 1, maxLength: 4 }), (source, ops) => {
        let text = source;
        for (const o of ops) text = checkOp(text, o, `${JSON.stringify(o)} on ${JSON.stringify(text)}`);
      }),
      { numRuns: 400 },
    );
  });
});

const plans = realPlans();
const files = plans.map((p) => p.name);
const read = (f: string) => readFileSync(plans.find((p) => p.name === f)!.path, 'utf8');

describe('edit properties over real plans', () => {
  skipsWithout(CORPUS, 'edits every plan of the real corpus');
  const fixed: Op[] = [
    { kind: 'add', text: 'New step über 中文', done: false },
    { kind: 'add', text: 'Finished step\nwith a second line', done: true },
    { kind: 'done', item: 1 },
    { kind: 'undo', item: 1 },
    { kind: 'split', item: 2, done: 'What is done', remaining: 'What remains' },
    { kind: 'decide', decision: 'Keep the parser', rationale: 'It reads every plan.', author: 'Ada' },
    { kind: 'discover', observation: 'Parsing is fast', evidence: '3 ms for 185 KB' },
    { kind: 'outcome', text: 'Milestone 1 shipped.' },
  ];

  it('every builder on each plan, and on their CRLF twins', () => {
    for (const f of files) {
      const source = read(f);
      for (const o of fixed) {
        checkOp(source, o, `${o.kind} on ${f}`);
        checkOp(source.replace(/\r?\n/g, '\r\n'), o, `${o.kind} on ${f} (CRLF)`);
      }
    }
  });

  it('random sequences of edits on random real plans', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(op, { minLength: 1, maxLength: 5 }), (f, ops) => {
        let text = read(f);
        for (const o of ops) text = checkOp(text, o, `${JSON.stringify(o)} on ${f}`);
      }),
      { numRuns: 300 },
    );
  });
});
