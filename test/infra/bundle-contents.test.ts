import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling } from '../../infra/aws/function-bundles.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The project's files (not packages) whose code a function's bundle holds, bundled as the stack bundles it. */
async function sourcesIn(entry: string): Promise<string[]> {
  const built = await build({
    ...bundling,
    sourcemap: false,
    write: false,
    outfile: join(root, 'cdk.out/bundle-contents/index.mjs'),
    metafile: true,
    logLevel: 'silent',
    entryPoints: [join(root, entry)],
  });
  const output = Object.values(built.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return Object.entries(output?.inputs ?? {})
    .filter(([path, input]) => input.bytesInOutput > 0 && !path.startsWith('node_modules/'))
    .map(([path]) => path);
}

// What a function holds is what Lambda loads at a cold start (issue 14): each holds what its work needs.
describe('what a function’s bundle holds', () => {
  it('holds no message of the catalogue in a workflow step that raises errors but answers no person', async () => {
    const sources = await sourcesIn('functions/load-case.ts');
    expect(sources).toContain('shared/domain/validation.ts');
    // The words for case terms (statuses, steps) are shared with the trail; no area of messages comes along.
    const words = ['shared/domain/messages/wording.ts', 'shared/domain/messages/case-terms.ts'];
    expect(
      sources.filter(
        (path) => path.includes('error-catalogue') || (path.includes('/messages/') && !words.includes(path)),
      ),
    ).toEqual([]);
  });

  it('holds in an operation’s function its own handler, and neither another operation’s nor the file readers', async () => {
    const sources = await sourcesIn('functions/api/get-case.ts');
    expect(sources).toContain('functions/get-case.ts');
    const others = [
      'functions/file-nomination.ts',
      'functions/submit-signatures.ts',
      'functions/api-routes.ts',
    ];
    expect(sources.filter((path) => others.includes(path) || path.startsWith('shared/http/csv'))).toEqual([]);
    // The file readers come with the bulk routes, which take files.
    expect(await sourcesIn('functions/api/submit-signatures.ts')).toContain('shared/http/csv-rows.ts');
  });
});
