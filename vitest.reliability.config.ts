import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: crashes, races, hostile input, storage faults. RELIABILITY=quick runs fewer rounds (CI).
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.reliability.ts'],
    globalSetup: ['test/support/dynalite-server.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    // The engine processes these tests start compete for the same two cores: one file at a time.
    fileParallelism: false,
  },
});
