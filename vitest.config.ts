import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that start no engine, browser or storage, mock nothing and change no global: the domain's rules, the
 * HTTP edge's parsing, the CDK templates. They run in workers that keep the modules they import from one file to
 * the next (zod, the domain, aws-cdk-lib) instead of importing them again for each file: 45 s of CPU for these 46
 * files instead of 82 s. A new file runs isolated until it is listed here.
 */
const SHARED_MODULES = [
  'test/domain/**/*.test.ts',
  'test/http/**/*.test.ts',
  'test/auth/**/*.test.ts',
  'test/infra/{desk-on-aws,feature-flags,function-entries,identity-mail,notice-topic,stack,synthesis}.test.ts',
];

export default defineConfig({
  test: {
    // Storage tests speak to one dynalite over loopback; a few seconds covers the slowest concurrency test.
    testTimeout: 30_000,
    // A file's setup starts an engine (and a browser): on two loaded cores that takes more than vitest's 10 s.
    hookTimeout: 60_000,
    // Two files at a time on two cores (vitest's default is one fewer than the cores): much of a file's time is
    // spent waiting on an engine process, its storage process or a browser, which the other file can use.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          // vitest orders the files by project name first: these, the long ones among them, start before the
          // short shared-module files, which fill the end of the run.
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SHARED_MODULES],
          globalSetup: ['test/support/dynalite-server.ts', 'test/support/desk-build-setup.ts'],
        },
      },
      { extends: true, test: { name: 'shared-modules', include: SHARED_MODULES, isolate: false } },
    ],
  },
});
