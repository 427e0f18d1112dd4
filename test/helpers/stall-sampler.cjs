/**
 * Preloaded into an API process (`node --require`) by the event-loop test, so that the stalls it
 * counts are the real server's, not those of a server inside Jest's sandbox (which slows some
 * built-ins tenfold) sharing its heap with the test runner.
 *
 * Every 10 ms it takes how late its timer fired (perf_hooks' clock) and how much CPU this
 * process used meanwhile (process.cpuUsage); a tick's stall is the smaller of the two, so time
 * the OS gave other processes does not count. On SIGUSR2 it writes the stalls since the last
 * SIGUSR2 to $STALL_FILE (as JSON, written whole, then renamed into place) and starts afresh.
 */
'use strict';
const { renameSync, writeFileSync } = require('node:fs');

const PERIOD_MS = 10;
let stalls = [];
let last = performance.now();
let cpu = process.cpuUsage();

setInterval(() => {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  stalls.push(Math.max(0, Math.min(now - last - PERIOD_MS, (used.user + used.system) / 1000)));
  last = now;
  cpu = process.cpuUsage();
}, PERIOD_MS).unref();

process.on('SIGUSR2', () => {
  const file = process.env.STALL_FILE;
  if (!file) return;
  writeFileSync(`${file}.tmp`, JSON.stringify(stalls));
  renameSync(`${file}.tmp`, file);
  stalls = [];
});
