/**
 * Where execplan's documentation lives on the web. Rule pages ship in the npm package under
 * `docs/rules/`, so a version-pinned package CDN address always matches the rules that ran.
 */

/** The project's home page. */
export const HOMEPAGE = 'https://www.npmjs.com/package/execplan';

/** The address of a rule's documentation page for a given execplan version. */
export function ruleDocsUrl(id: string, version: string): string {
  return `https://unpkg.com/execplan@${encodeURIComponent(version)}/docs/rules/${encodeURIComponent(id)}.md`;
}
