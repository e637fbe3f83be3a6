/** Command-line options of the benches: `--name=value` → `{ name: 'value' }`, a bare `--flag` → `{ flag: true }`. */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    return [m[1], m[2] ?? true];
  }));
}
