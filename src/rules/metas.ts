/**
 * Every rule's metadata, without the rules' code.
 *
 * A `lint --cache` run whose plans are all unchanged needs the rules' ids, severities and
 * options (to check the settings and key the cache) but none of their checks, and loading the
 * rules with their helpers took a tenth of such a run. The command line's build replaces this
 * module with one that returns the metadata as data, read from the rules at build time
 * (tsup.config.ts); everywhere else (tests, the library) it is read from the rules themselves.
 * test/lint-process.test.ts checks that the built command line reports the same rules as the source.
 */
import type { RuleMeta } from '../core/diagnostic.js';

/** The metadata of every rule, in the rules' order. */
export async function loadRuleMetas(): Promise<readonly RuleMeta[]> {
  return (await import('./index.js')).RULES.map((r) => r.meta);
}
