/**
 * The environment every measured command runs in. Some variables make Node itself do work at
 * start-up, before any script runs: `NODE_EXTRA_CA_CERTS` has Node 20 read and parse a certificate
 * bundle in every process (about 37 ms for the 140 certificates of a Debian bundle, more than
 * `node -e 0` takes without it), and `NODE_OPTIONS` may preload modules or change V8's flags.
 * Left in place, that work lands on the command and on its `node -e 0` baseline alike and shrinks
 * every start-up ratio toward 1: the command's own cost, which is what the ratios are for, looks
 * smaller than it is. The bench removes them from its own environment, which every command it
 * spawns inherits; `BENCH_KEEP_ENV=1` keeps them, to measure a machine as it is set up.
 */

/** Variables that add start-up work to every Node process. */
export const START_UP_VARIABLES = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'];

/**
 * Remove the start-up variables from `env` (in place) unless `BENCH_KEEP_ENV=1`. Returns the names
 * removed, for the report.
 */
export function cleanEnvironment(env = process.env) {
  if (env.BENCH_KEEP_ENV === '1') return [];
  const removed = START_UP_VARIABLES.filter((name) => env[name] !== undefined);
  for (const name of removed) delete env[name];
  return removed;
}
