/**
 * The live dashboard on a 500-plan workspace: the overview page, from request to its last byte, and
 * a live update, from a plan saved on disk to the refreshed page content in the hands of an open page
 * (the change event, then the fetch of the new `<main>` that the page's script makes).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { setTimeout } from 'node:timers';
import path from 'node:path';
import { summarize, tail } from '../measure.mjs';
import { fmtMs, valueRow } from '../report.mjs';

/** `execplan serve` on 500 plans. */
export const serve = {
  id: 'serve',
  title: 'execplan serve (live dashboard)',
  needs: ['serve'],
  async run(ctx) {
    const ws = ctx.ws(500);
    const child = spawn(ctx.node, [ctx.bin, 'serve', '--port', '0'], { cwd: ws.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const started = performance.now();
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /(http:\/\/[^\s]+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`execplan serve exited with ${code}`)));
      });
      const startup = performance.now() - started;
      const overview = [];
      for (let r = 0; r < ctx.warmup + ctx.runs; r++) {
        const t0 = performance.now();
        const body = await get(url);
        if (!body.includes('</html>')) throw new Error('the overview page came back incomplete');
        if (r >= ctx.warmup) overview.push(performance.now() - t0);
      }
      const live = await liveUpdates(ctx, url, path.join(ws.root, '.agent/execplans', `${ws.ids[1]}.md`));
      const o = summarize(overview);
      const l = summarize(live);
      return [
        valueRow({ scenario: 'serve', name: 'serve: overview of 500 plans, request to last byte', value: o.median, unit: 'ms', figure: fmtMs(o.median), max: 1000, notes: [`start-up (reading and linting every plan) ${fmtMs(startup)}; slowest of ${o.runs}: ${fmtMs(o.max)}`] }),
        valueRow({ scenario: 'serve', name: 'serve: live update, save to new page content', value: l.median, unit: 'ms', figure: fmtMs(l.median), max: 1000, notes: [`slowest of ${l.runs}: ${fmtMs(l.max)}`] }),
      ];
    } catch (err) {
      err.stderr = tail(stderr, 40);
      throw err;
    } finally {
      child.kill('SIGTERM');
    }
  },
};

function get(url, headers = {}) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { Host: u.host, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Append a line to a plan, as an editor would, and time until the page's refreshed `<main>` has arrived. */
async function liveUpdates(ctx, url, plan) {
  const original = readFileSync(plan, 'utf8');
  const u = new URL(`${url}events`);
  const times = [];
  await new Promise((resolve, reject) => {
    let t0 = 0;
    let round = 0;
    let waiting = false;
    let buf = '';
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { Host: u.host } }, (res) => {
      res.setEncoding('utf8');
      const save = () => {
        t0 = performance.now();
        waiting = true;
        appendFileSync(plan, `\nA note written at round ${round}.\n`);
      };
      res.on('data', (c) => {
        buf += c;
        if (buf.includes(': connected') && round === 0 && t0 === 0) setTimeout(save, 100);
        while (buf.includes('event: change')) {
          buf = buf.slice(buf.indexOf('event: change') + 13);
          // One save may come as several events: the first one answers it.
          if (!waiting) continue;
          waiting = false;
          get(url, { 'X-Execplan-Fragment': '1' }).then(() => {
            if (round >= ctx.warmup) times.push(performance.now() - t0);
            round++;
            if (round >= ctx.warmup + ctx.runs) {
              req.destroy();
              resolve();
            } else setTimeout(save, 150);
          }, reject);
        }
      });
    });
    req.on('error', (e) => (e.code === 'ECONNRESET' ? resolve() : reject(e)));
    req.end();
  });
  writeFileSync(plan, original);
  return times;
}
