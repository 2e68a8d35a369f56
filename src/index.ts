/** execplan's library: the plan model, lint, edits and the workspace, for the CLI, the MCP server and other tools. */
export * from './core/types.js';
export { parsePlan } from './core/parse.js';
export { applyEdits, type Edit } from './core/apply-edits.js';
export { SECTIONS, SECTION_KEYS, LIVING_SECTIONS, headingMatcher, normalizeHeading } from './core/sections.js';
export { formatTimestamp, type TimestampStyle } from './core/timestamps.js';
export { renderSkeleton, slugify, LIVING_DOCUMENT_PREAMBLE, SKELETON_TITLE_PLACEHOLDER, type SkeletonOptions } from './core/skeleton.js';
export { PLANS_GUIDE } from './templates/plans-guide.js';
