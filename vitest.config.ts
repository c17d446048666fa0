import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/dynalite-server.ts', 'test/support/desk-build-setup.ts'],
    // Storage tests speak to one dynalite over loopback; a few seconds covers the slowest concurrency test.
    testTimeout: 30_000,
    // A file's setup starts an engine (and a browser): on two loaded cores that takes more than vitest's 10 s.
    hookTimeout: 60_000,
    // Two files at a time on two cores (vitest's default is one fewer than the cores): much of a file's time is
    // spent waiting on an engine process, its storage process or a browser, which the other file can use.
    maxWorkers: 2,
  },
});
