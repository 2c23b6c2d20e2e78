import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3) in real Chromium, against the simulator.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
    pool: 'forks',
  },
});
