/** The hostile-input test over every fragment (a subset runs in `npm test`, test/hostile-input.test.ts). */
import { hostileInputSuite } from '../helpers/hostile-input.js';

hostileInputSuite([
  ' ', '\t', '\u00a0', ':', '`', '[', ']', '(', ')', '*', '_', '|', '~', '9', '-', '/', '\\', '.', ',', ';', '!', '#', '>', '<',
  '"', "'", '+', '&', '=', '$', '{', '@', 'a', '…', '- [ ] ', '- [x] ', '[x](', '](', '**', '__', '`a` ', 'a/', 'a.', ': ',
  ' a', '(2026-01-01 ', '2026-01-01 ', '1. ', '> ', '# ', '| a ', 'http://', 'x\u2028',
]);
