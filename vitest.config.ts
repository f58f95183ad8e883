import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end Slack tests open loopback servers; the machine has 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
