import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/dynalite-server.ts', 'test/support/desk-build-setup.ts'],
    // Storage tests speak to one dynalite over loopback; a few seconds covers the slowest concurrency test.
    testTimeout: 30_000,
    // A file's setup starts an engine (and a browser): on two loaded cores that takes more than vitest's 10 s.
    hookTimeout: 60_000,
  },
});
