/**
 * Run a Node script in this same process and write the process's peak resident set size (KB) to a
 * file on exit. Used only where GNU time (`/usr/bin/time -f %M`) is not installed.
 *
 * Usage: node bench/rss-wrap.mjs <rss-file> <script> [args...]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [rssFile, script, ...args] = process.argv.slice(2);
if (!rssFile || !script) {
  process.stderr.write('usage: node bench/rss-wrap.mjs <rss-file> <script> [args...]\n');
  process.exit(2);
}
process.on('exit', () => {
  writeFileSync(rssFile, `${process.resourceUsage().maxRSS}\n`);
});
const target = path.resolve(script);
process.argv = [process.execPath, target, ...args];
await import(pathToFileURL(target).href);
