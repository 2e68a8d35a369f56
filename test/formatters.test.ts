import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { format as github, escapeData, escapeProperty } from '../src/formatters/github.js';
import { format as json } from '../src/formatters/json.js';
import { renderRulesTable } from '../src/formatters/rules-table.js';
import { format as sarif } from '../src/formatters/sarif.js';
import { format as stylish } from '../src/formatters/stylish.js';
import { displayWidth } from '../src/formatters/width.js';
import { RULES, result, sampleInput } from './helpers/lint-results.js';

const empty = () => sampleInput({ results: [] });
const clean = () => sampleInput({ results: [result('a.md', []), result('b.md', [])] });

describe('stylish', () => {
  it('groups by file, aligns columns and sums up', () => {
    const out = stylish(sampleInput());
    const lines = out.split('\n');
    expect(lines[1]).toBe('.agent/execplans/2026-01-05_add-retry.md');
    const rows = lines.slice(2, 5);
    expect(rows[0]).toMatch(/^ {4}1:1 {2}error {4}The plan has no H1 title/);
    expect(rows[1]).toMatch(/^ {3}12:3 {2}error {4}Completed item 2/);
    expect(rows[2]).toMatch(/^ {2}104:1 {2}warning {2}Heading "Decision log"/);
    // Rule ids start in one column.
    const ruleCol = rows.map((r) => r.lastIndexOf('  ') + 2);
    expect(new Set(ruleCol).size).toBe(1);
    expect(rows.map((r) => r.slice(ruleCol[0]))).toEqual(['title', 'progress-timestamp', 'heading-style']);
    expect(out).not.toContain('clean.md');
    expect(out).toContain('✖ 4 problems (2 errors, 2 warnings)\n  2 fixable with --fix\n');
    expect(out).not.toContain('\u001b[');
  });

  it('aligns wide characters by display width', () => {
    const out = stylish(sampleInput({
      results: [result('x.md', [
        { ruleId: 'heading-style', severity: 'warn', message: '見出し「目的」', line: 1, column: 1 },
        { ruleId: 'title', severity: 'warn', message: 'abcdefghijklmn', line: 2, column: 1 },
      ])],
    }));
    const rows = out.split('\n').slice(2, 4);
    // 7 wide characters take 14 columns, as many as the 14 letters below them.
    expect(stringWidth(rows[0]!.slice(0, rows[0]!.indexOf('heading-style')))).toBe(stringWidth(rows[1]!.slice(0, rows[1]!.indexOf('title'))));
    expect(rows[0]!.indexOf('heading-style') - rows[0]!.indexOf('見')).toBe(9);
  });

  it('aligns dashes, quotes and emoji-capable symbols by display width too', () => {
    const messages = ['“quoted” — dash → arrow', 'a©b‼ ↔ c', 'plain ascii text here'];
    const out = stylish(sampleInput({ results: [result('x.md', messages.map((message, i) => ({ ruleId: 'title', severity: 'warn' as const, message, line: i + 1, column: 1 })))] }));
    const rows = out.split('\n').slice(2, 5);
    const before = rows.map((r) => stringWidth(r.slice(0, r.lastIndexOf('title'))));
    expect(new Set(before).size).toBe(1);
  });

  it('measures every message as string-width does, without it for the scripts it counts one or two columns a character', () => {
    // Narrow scripts, their neighbours (combining marks, wide and zero-width characters) and mixes.
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x36f], [0x370, 0x52f], [0x1100, 0x115f], [0x11a8, 0x11ff], [0x2000, 0x21ff], [0x3000, 0x30ff], [0x3400, 0x3410], [0x4e00, 0x4e20], [0x9ff0, 0x9fff], [0xac00, 0xac20], [0xd7a0, 0xd7ff], [0xfe00, 0xfe0f], [0xff00, 0xffef], [0x1f300, 0x1f64f]];
    const char = fc.constantFrom(...ranges).chain(([lo, hi]) => fc.integer({ min: lo, max: hi })).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
    for (let c = 0x370; c <= 0x52f; c++) expect(displayWidth(`а${String.fromCodePoint(c)}б`), c.toString(16)).toBe(stringWidth(`а${String.fromCodePoint(c)}б`));
    // Every character counted two columns without string-width, alone and beside a Hangul trailing consonant.
    for (const [lo, hi] of [[0x3000, 0x3030], [0x3041, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef]] as const) {
      for (let c = lo; c <= hi; c++) {
        for (const s of [`a${String.fromCodePoint(c)}b`, `${String.fromCodePoint(c)}\u11a8`]) expect(displayWidth(s), c.toString(16)).toBe(stringWidth(s));
      }
    }
  });

  it('colours only when asked', () => {
    const out = stylish(sampleInput({ color: true }));
    expect(out).toContain('\u001b[31merror\u001b[39m');
    expect(out).toContain('\u001b[4m.agent/execplans/2026-01-05_add-retry.md\u001b[24m');
  });

  it('says all clear, and prints nothing for no files', () => {
    expect(stylish(clean())).toBe('✔ 2 plans checked: no problems\n');
    expect(stylish(sampleInput({ results: [result('a.md', [])] }))).toBe('✔ 1 plan checked: no problems\n');
    expect(stylish(empty())).toBe('');
  });

  it('leaves out the fixable line when nothing is fixable', () => {
    const out = stylish(sampleInput({ results: [result('a.md', [{ ruleId: 'title', severity: 'error', message: 'm', line: 1, column: 1 }])] }));
    expect(out).toContain('✖ 1 problem (1 error, 0 warnings)\n');
    expect(out).not.toContain('fixable');
  });
});

describe('json', () => {
  it('prints one document with results, counts, fixes and the rules that ran', () => {
    const doc = JSON.parse(json(sampleInput({ enabled: { title: 'error', 'progress-timestamp': 'warn' } })));
    expect(doc).toMatchObject({ version: '1.2.3', errorCount: 2, warningCount: 2, fixableCount: 2, fileCount: 3 });
    expect(doc.results).toHaveLength(3);
    const [noTitle, stamp] = doc.results[0].diagnostics;
    expect(noTitle).toEqual({ ruleId: 'title', severity: 'error', message: expect.any(String), line: 1, column: 1, fixable: false });
    expect(stamp).toMatchObject({ fixable: true, endLine: 12, endColumn: 40, fix: [{ start: 210, end: 210, text: '(2026-01-05 10:00) ' }] });
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual(['title', 'progress-timestamp']);
    expect(doc.rules[1]).toMatchObject({ severity: 'warn', defaultSeverity: 'error', fixable: true, docs: 'https://unpkg.com/execplan@1.2.3/docs/rules/progress-timestamp.md' });
  });

  it('is a valid document when there is nothing', () => {
    const out = json(empty());
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toMatchObject({ errorCount: 0, warningCount: 0, fixableCount: 0, fileCount: 0, results: [] });
  });
});

describe('json and sarif, built from per-plan blocks', () => {
  // Both are one JSON document printed with two-space indentation: the streamed form must be the
  // very bytes JSON.stringify gives for the parsed document, whatever the results.
  const inputs = { some: sampleInput({ enabled: { title: 'error', 'progress-timestamp': 'warn' } }), none: empty(), clean: sampleInput({ results: [result('a.md', []), result('b "q".md', [])] }) };
  for (const [name, input] of Object.entries(inputs)) {
    it(`are what JSON.stringify prints for the document (${name})`, () => {
      for (const out of [json(input), sarif(input)]) expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    });
  }
});

describe('github', () => {
  it('prints one workflow command per finding', () => {
    const lines = github(sampleInput()).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('::error file=.agent/execplans/2026-01-05_add-retry.md,line=1,col=1,title=title::The plan has no H1 title; expected a first line like "# Add retry".');
    expect(lines[1]).toBe('::error file=.agent/execplans/2026-01-05_add-retry.md,line=12,col=3,endLine=12,endColumn=40,title=progress-timestamp::Completed item 2 has no timestamp; expected "(YYYY-MM-DD HH:MM)".');
    expect(lines[2]).toMatch(/^::warning file=.*,line=104,col=1,title=heading-style::/);
  });

  it('escapes properties and messages as the runner expects', () => {
    const last = github(sampleInput()).trimEnd().split('\n')[3];
    expect(last).toBe('::warning file=.agent/execplans/with space%2C 100%25%3A odd.md,line=3,col=1,title=heading-style::Line one%0Aline two, 50%25 done: really%0D');
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    // `%` first, so escapes are not escaped twice.
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('prints nothing when clean', () => {
    expect(github(clean())).toBe('');
    expect(github(empty())).toBe('');
  });
});

describe('sarif', () => {
  it('lists every rule and points results at them', () => {
    const log = JSON.parse(sarif(sampleInput({ rootUri: 'file:///repo/' })));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'execplan', version: '1.2.3' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules[2]).toMatchObject({
      shortDescription: { text: RULES[2]!.description },
      helpUri: 'https://unpkg.com/execplan@1.2.3/docs/rules/heading-style.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    expect(run.results).toHaveLength(4);
    expect(run.results[1]).toMatchObject({
      ruleId: 'progress-timestamp',
      ruleIndex: 1,
      level: 'error',
      message: { text: expect.stringContaining('Completed item 2') },
      locations: [{ physicalLocation: { artifactLocation: { uri: '.agent/execplans/2026-01-05_add-retry.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 40 } } }],
    });
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(run.results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('.agent/execplans/with%20space%2C%20100%25%3A%20odd.md');
    for (const r of run.results) expect(r.ruleIndex).toBe(RULES.findIndex((m) => m.id === r.ruleId));
  });

  it('has a run with no results when clean', () => {
    const log = JSON.parse(sarif(empty()));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%']).not.toHaveProperty('uri');
  });
});

describe('rules table', () => {
  it('renders one row per rule, linking its page', () => {
    const lines = renderRulesTable(RULES).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + RULES.length);
    expect(lines[0]).toBe('| Rule | Checks | strict | recommended | Fixable |');
    expect(lines[2]).toBe('| [`title`](docs/rules/title.md) | The plan starts with one H1 title. | error | error | no |');
    expect(lines[3]).toBe('| [`progress-timestamp`](docs/rules/progress-timestamp.md) | Completed Progress items start with a timestamp. | error | warn | yes |');
    expect(lines[4]).toContain('canonical spelling \\| at H2. | warn | off | yes |');
    expect(renderRulesTable(RULES, '')).toContain('| [`title`](title.md) |');
  });
});
