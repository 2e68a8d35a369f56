/**
 * SARIF 2.1.0, the interchange format code-scanning services read. One run; the driver lists
 * every rule of the rule set, and each result points back to its rule by id and index.
 *
 * Fixes are left out on purpose: execplan's edits are offsets into the text as JavaScript reads
 * it (UTF-16 code units, a BOM counted), and SARIF does not say whether a BOM counts in
 * `charOffset`, so a replacement could land one character off. The JSON format carries the edits.
 */
import { isFixable, type Diagnostic, type LintResult, type RuleMeta, type Severity } from '../core/diagnostic.js';
import { HOMEPAGE, ruleDocsUrl } from './links.js';
import { assemble, jsonAround, jsonItem, type FormatInput, type StreamInput, type Totals } from './types.js';

/** The schema address SARIF producers put in `$schema`. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id that relative artifact URIs are resolved against: the repository root. */
const SRCROOT = '%SRCROOT%';

/** Format results as one SARIF 2.1.0 log, ending with a newline. */
export function format(input: FormatInput): string {
  return assemble({ file, frame, separator }, input);
}

/** Between two plans' blocks. */
export const separator = ',\n';

/** One plan's findings, as SARIF results; empty for a plan without findings. */
export function file(r: LintResult, input: StreamInput): string {
  const index = ruleIndex(input);
  return r.diagnostics.map((d) => jsonItem(result(r, d, index), 4)).join(separator);
}

const indexes = new WeakMap<readonly RuleMeta[], Map<string, number>>();

/** Each rule's place in the log's rule list, worked out once per run. */
function ruleIndex(input: StreamInput): Map<string, number> {
  let index = indexes.get(input.rules);
  if (!index) indexes.set(input.rules, (index = new Map(input.rules.map((r, i) => [r.id, i]))));
  return index;
}

/** The log around its results: the tool and its rules come first. */
export function frame(t: Totals, input: StreamInput): { head: string; tail: string } {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'execplan',
            version: input.version,
            semanticVersion: input.version,
            informationUri: HOMEPAGE,
            rules: input.rules.map((r) => rule(r, input.version)),
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: input.rootUri
            ? { uri: input.rootUri, description: { text: 'The repository root.' } }
            : { description: { text: 'The repository root.' } },
        },
        // Columns count UTF-16 code units, as execplan's parser does.
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  return jsonAround(log, 'results', 6, t.errors + t.warnings === 0);
}

function level(s: Severity): 'error' | 'warning' {
  return s === 'error' ? 'error' : 'warning';
}

function rule(r: RuleMeta, version: string) {
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description} Specification: ${r.requirement}` },
    helpUri: ruleDocsUrl(r.id, version),
    defaultConfiguration: { level: r.severity === 'off' ? 'none' : level(r.severity) },
    properties: { fixable: r.fixable, recommended: r.recommended },
  };
}

function result(file: LintResult, d: Diagnostic, index: Map<string, number>) {
  const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
  if (d.endLine !== undefined) region.endLine = d.endLine;
  if (d.endColumn !== undefined) region.endColumn = d.endColumn;
  const ruleIndex = index.get(d.ruleId);
  return {
    ruleId: d.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: level(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file.file), uriBaseId: SRCROOT }, region } }],
    ...(isFixable(d) ? { properties: { fixable: true } } : {}),
  };
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
function fileUri(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/** `progress-timestamp` → `ProgressTimestamp`: SARIF's optional human-readable rule name. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, ch: string) => ch.toUpperCase());
}
