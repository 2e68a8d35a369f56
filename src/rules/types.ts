/** What a lint rule is and what it is given (defined in the core, which runs the rules). */
export type * from '../core/rule-types.js';
