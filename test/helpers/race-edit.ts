/**
 * A process that edits one plan again and again (see race-edit-loop.ts), from the moment a `go`
 * file appears until a `stop` file does, while an editor saves it. Prints one JSON line.
 */
import { existsSync } from 'node:fs';
import { editLoop } from './race-edit-loop.js';

const [file, go, stop, tag] = process.argv.slice(2);
process.stdout.write('ready\n');
while (!existsSync(go!)) await new Promise((r) => setTimeout(r, 2));
process.stdout.write(`${JSON.stringify(await editLoop(file!, () => existsSync(stop!), tag!))}\n`);
