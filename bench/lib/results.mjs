/**
 * What a bench run records about itself: the machine it ran on (printed in the header line
 * and kept in the JSON, with the load average at start and end) and the JSON file in
 * `bench/results/` (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './stats.mjs';

/** `bench/results/`. */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

const loadAverage = () => loadavg().map((x) => round(x, 2));

/** Facts about this machine at the start of a run; `extra` goes before the load average. */
export function machineFacts(extra = {}) {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    ...extra,
    loadAverageAtStart: loadAverage(),
  };
}

/** `node …, N CPU (model), M GiB`, for the header line. */
export const describeMachine = (m) => `node ${m.node}, ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB`;

/** The first fields of a results file: when, how long, and the machine (with the load average at the end). */
export const runFacts = (elapsedSeconds, machine) => ({
  generatedAt: new Date().toISOString(),
  elapsedSeconds,
  machine: { ...machine, loadAverageAtEnd: loadAverage() },
});

/** Writes `out` as `results/<name>` and says so, with the run's duration. */
export function writeResults(name, out, elapsedSeconds) {
  const file = join(RESULTS_DIR, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${file} (run took ${elapsedSeconds} s)`);
}
