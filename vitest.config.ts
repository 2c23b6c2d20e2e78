import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: pure lib/ code, components, adapters on fixture DOMs, the simulator.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'test/personio-sim/**/*.test.ts', 'test/soak/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    // Every core: Vitest's default leaves one free, which on a two-core machine is half of it.
    maxWorkers: availableParallelism(),
  },
});
