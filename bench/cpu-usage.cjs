/**
 * Preloaded (`node -r`) by bench/compare-builds.mjs into every process it times, the baseline's too:
 * at exit, appends the process's CPU time (user and system, in µs) to the file BENCH_CPU_FILE names.
 * On a machine shared with other work, CPU time varies far less than wall time does.
 */
const { appendFileSync } = process.getBuiltinModule('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_CPU_FILE, `${user + system}\n`);
});
// A server the bench stops (an MCP server slow to see its stdin end) still reports.
process.once('SIGTERM', () => process.exit(143));
