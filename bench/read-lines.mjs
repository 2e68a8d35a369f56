/**
 * The floor for linting: read every `.md` file of one folder and split it into lines, nothing else.
 * No linter can go faster than this, so `lint time / this time` says how much the linting costs.
 *
 * Usage: node bench/read-lines.mjs <folder>   (prints the number of files and lines)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/read-lines.mjs <folder>\n');
  process.exit(2);
}
let files = 0;
let lines = 0;
for (const entry of readdirSync(dir, { withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  lines += readFileSync(path.join(dir, entry.name), 'utf8').split(/\r?\n/).length;
  files++;
}
process.stdout.write(`${files} files, ${lines} lines\n`);
