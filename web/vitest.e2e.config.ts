import { defineConfig } from 'vitest/config';

// Browser flows against a running Pasar (API serving web/dist). The app URL comes from
// PASAR_E2E_URL; Chromium from CHROMIUM_PATH (default /usr/bin/chromium).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
