// An editor that saves a plan again and again without taking execplan's lock, as people's editors do:
// in place (truncate, then write) or by rename (write a temporary file, rename it over the plan).
// Before each save it looks at the file: if its previous save is no longer there (the file holds an
// older save, with or without execplan's edits on it), that save was overwritten. Prints one JSON line.
/* global setTimeout, Buffer */
import { closeSync, ftruncateSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';

const [file, mode, durationMs, intervalMs, templateFile] = process.argv.slice(2);
const template = readFileSync(templateFile, 'utf8');
const deadline = Date.now() + Number(durationMs);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const savedIn = (text) => {
  const m = /Editor save (\d+)\./.exec(text);
  return m ? Number(m[1]) : 0;
};
let saves = 0;
let overwritten = 0;
let k = 0;
const check = () => {
  if (k > 0 && savedIn(readFileSync(file, 'utf8')) < k) overwritten++;
};
while (Date.now() < deadline) {
  check();
  k++;
  const text = template.replace('Editor save 0.', `Editor save ${k}.`);
  if (mode === 'inplace') {
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 0);
    const bytes = Buffer.from(text);
    const half = bytes.length >> 1;
    writeSync(fd, bytes, 0, half, 0);
    writeSync(fd, bytes, half, bytes.length - half, half);
    closeSync(fd);
  } else {
    const tmp = `${file}.editor-${process.pid}~`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  saves++;
  await sleep(Number(intervalMs));
}
check();
process.stdout.write(`${JSON.stringify({ saves, overwritten })}\n`);
