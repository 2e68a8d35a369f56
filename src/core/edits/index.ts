/** Living-document edits: pure builders from a parsed plan to `Edit[]`, one per update a plan needs. */
export type { ChangeKind, EditContext, PlanChange } from './context.js';
export { addProgressItem, markItemDone, splitItem, undoItem } from './progress.js';
export { addDecision, addOutcome, addSurprise } from './logs.js';
export { describeItem, resolveItem } from './item-ref.js';
export { isPlaceholderEntry, isPlaceholderItem, isPlaceholderText, placeholderEntries } from './placeholders.js';
