import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { format } from '../src/formatters/sarif.js';
import { result, sampleInput } from './helpers/lint-results.js';

/**
 * The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (rtm.5). It is written in draft-04,
 * whose only difference that matters here is `id` for `$id`; Ajv 8 reads it once that is renamed.
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The schema's `language` pattern has a stray `]`, which only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  const mod = formatsModule as unknown as { default?: (a: Ajv) => Ajv };
  const addFormats = mod.default ?? (formatsModule as unknown as (a: Ajv) => Ajv);
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

describe('sarif output against the SARIF 2.1.0 schema', () => {
  const validate = sarifValidator();
  const check = (text: string) => {
    const ok = validate(JSON.parse(text));
    return ok ? [] : validate.errors;
  };

  it('accepts findings with and without end positions, odd file names and a root uri', () => {
    expect(check(format(sampleInput({ rootUri: 'file:///home/me/repo/' })))).toEqual([]);
  });

  it('accepts an empty run', () => {
    expect(check(format(sampleInput({ results: [] })))).toEqual([]);
    expect(check(format(sampleInput({ results: [result('a.md', [])] })))).toEqual([]);
  });

  it('rejects a broken log, so the validator is really checking', () => {
    const log = JSON.parse(format(sampleInput()));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors!.length).toBeGreaterThanOrEqual(2);
  });
});
