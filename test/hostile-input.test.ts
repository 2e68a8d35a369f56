/**
 * Hostile plans cost linear time: every parser, rule, report and edit builder runs over plans holding
 * 100,000 repeats of a character or fragment, within a bound relative to reading the same bytes
 * (test/helpers/hostile-input.ts). These fragments run in `npm test`; the full list runs in
 * `npm run test:stress`.
 */
import { hostileInputSuite } from './helpers/hostile-input.js';

// The fragments behind the slow cases that were found: spaces inside a timestamp, runs of colons,
// backticks and brackets. Every other fragment runs in the stress suite.
hostileInputSuite([' ', ':', '`', '[', '(2026-01-01 ']);
