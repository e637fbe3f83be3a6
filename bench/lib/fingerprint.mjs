import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Which API the figures are for: the commit, uncommitted api/src files, and api/src files
 * newer than their build in api/dist (a stale build would measure old code).
 */
export function apiFingerprint() {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const stale = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) {
        const rel = relative(join(ROOT, 'api', 'src'), p);
        if (rel.startsWith('test/')) continue;
        const out = join(ROOT, 'api', 'dist', rel.replace(/\.ts$/, '.js'));
        try {
          if (statSync(out).mtimeMs + 1000 < statSync(p).mtimeMs) stale.push(rel);
        } catch {
          stale.push(`${rel} (not built)`);
        }
      }
    }
  };
  try {
    walk(join(ROOT, 'api', 'src'));
  } catch {
    // no sources next to the bench: nothing to compare
  }
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedApiFiles: git('status', '--porcelain', '--', 'api/src').split('\n').filter(Boolean).map((l) => l.trim().replace(/\s+/, ' ')),
    distOlderThanSource: stale,
  };
}

/** `apiFingerprint()`, announced: the commit and uncommitted files, and a warning when the build is stale. */
export function logApiFingerprint() {
  const fingerprint = apiFingerprint();
  console.log(`API at ${fingerprint.commit}${fingerprint.uncommittedApiFiles.length ? `, uncommitted: ${fingerprint.uncommittedApiFiles.join(', ')}` : ''}`);
  if (fingerprint.distOlderThanSource.length) {
    console.log(`  ! api/dist is older than its source for ${fingerprint.distOlderThanSource.length} file(s) (${fingerprint.distOlderThanSource.slice(0, 5).join(', ')}): rebuild with "cd api && npx tsc -p tsconfig.build.json"`);
  }
  return fingerprint;
}
