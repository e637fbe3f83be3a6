/**
 * Teardown shared by the benches: steps registered in `cleanups` run once, last first, on
 * normal exit (call `cleanup()`) and on SIGINT/SIGTERM, so a bench never leaves a server,
 * a database or temp files behind.
 */
export const cleanups = [];
let cleaning;

/** Runs every registered step once, newest first; failures are reported, not thrown. */
export function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        console.error('cleanup step failed:', err);
      }
    }
  })();
  return cleaning;
}

/** Registers `step` as a cleanup and returns it, so it can also run early (it runs at most once). */
export function cleanupOnce(step) {
  let done;
  const once = () => (done ??= step());
  cleanups.push(once);
  return once;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    console.error(`\n${sig}: tearing down…`);
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * Runs a bench's `main`, then the teardown whatever happened, and exits: 0, or 1 after
 * printing the error.
 */
export async function runMain(main) {
  let exitCode = 0;
  try {
    await main();
  } catch (err) {
    console.error(err);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
}
