import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from '../../infra/aws/app.ts';
import { resourcesOf, stubDesk } from '../support/cdk-template.ts';

/**
 * The one synthesis in the tests that bundles the functions, as `cdk synth` does with credentials (account and
 * region known, so every cdk-nag finding names them), with the CDK's own CloudFormation validation on and its
 * findings errors: what a deploy would be given.
 */
let outdir: string;
let template: Template;
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk-bundled-'));
  const { app, stack } = createApp(
    {
      outdir,
      context: { stage: 'dev', deskDirectory: stubDesk() },
      builtinCloudFormationValidation: true,
    },
    { account: '123456789012', region: 'eu-central-1' },
  );
  app.synth();
  template = Template.fromStack(stack);
}, 180_000);

const AssetsSchema = z.object({
  files: z.record(z.string(), z.object({ source: z.object({ path: z.string() }) })),
});
const FunctionSchema = z.object({
  Handler: z.string(),
  Code: z.object({ S3Key: z.string() }),
  Environment: z.object({ Variables: z.record(z.string(), z.unknown()) }).optional(),
});

/** The product's functions (not the CDK's own): logical id, handler export, and the folder of their code. */
function productFunctions() {
  const assets = AssetsSchema.parse(
    JSON.parse(readFileSync(join(outdir, 'AkimNominations-dev.assets.json'), 'utf8')),
  ).files;
  return resourcesOf(template, 'AWS::Lambda::Function')
    .map(([id, resource]) => [id, FunctionSchema.parse(resource.Properties)] as const)
    .filter(([, fn]) => 'POWERTOOLS_SERVICE_NAME' in (fn.Environment?.Variables ?? {}))
    .map(([id, fn]) => {
      const asset = assets[fn.Code.S3Key.replace(/\.zip$/, '')];
      if (asset === undefined) throw new Error(`${id}: no asset for ${fn.Code.S3Key}`);
      const [file, exported] = fn.Handler.split('.');
      return { id, file, exported, folder: join(outdir, asset.source.path) };
    });
}

/** The sources a function's code was bundled from, read from its source maps. */
function sourcesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.map'))
    .flatMap(
      (name) =>
        z.object({ sources: z.array(z.string()) }).parse(JSON.parse(readFileSync(join(folder, name), 'utf8')))
          .sources,
    );
}

describe('cdk synth, bundling included', () => {
  it('passes cdk-nag and the CDK’s CloudFormation validation where the account and region are known', () => {
    const report = z
      .object({
        pluginReports: z.array(z.object({ pluginName: z.string(), violations: z.array(z.unknown()) })),
      })
      .parse(JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')));
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
  });

  it('gives every function its handler, exported by its index.mjs, and every chunk its code imports', () => {
    const functions = productFunctions();
    expect(functions.length).toBeGreaterThan(40);
    for (const fn of functions) {
      const entry = readFileSync(join(fn.folder, `${fn.file}.mjs`), 'utf8');
      expect(entry, fn.id).toMatch(new RegExp(`export\\{[^}]*\\b(as )?${fn.exported}\\b[^}]*\\}`));
      for (const name of readdirSync(fn.folder, { recursive: true, encoding: 'utf8' })) {
        if (!name.endsWith('.mjs')) continue;
        const code = readFileSync(join(fn.folder, name), 'utf8');
        for (const [, imported] of code.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)) {
          expect(
            existsSync(join(fn.folder, name, '..', imported ?? '')),
            `${fn.id}: ${name} → ${imported}`,
          ).toBe(true);
        }
      }
    }
  });

  it('gives functions code that loads on Node: the clock, and the reconciler with its DynamoDB and Step Functions clients', () => {
    const loaded = productFunctions()
      .filter((fn) => fn.id.startsWith('getTimeFunction') || fn.id.startsWith('ReconcileFunction'))
      .map((fn) => [join(fn.folder, `${fn.file}.mjs`), fn.exported]);
    expect(loaded).toHaveLength(2);
    const script = `const types = [];
for (const [file, exported] of JSON.parse(process.argv[1])) types.push(typeof (await import(file))[exported]);
console.log(JSON.stringify(types));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(loaded)], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_REGION: 'eu-central-1' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['function', 'function']);
  });

  it('ships each function only what it imports, with its source maps: the clock carries no Cognito client', () => {
    const folderOf = (idStart: string) => {
      const folder = productFunctions().find((fn) => fn.id.startsWith(idStart))?.folder;
      if (folder === undefined) throw new Error(`no function ${idStart}`);
      return folder;
    };
    const cognito = (source: string) => source.includes('@aws-sdk/client-cognito-identity-provider/');
    expect(sourcesOf(folderOf('createAccountFunction')).some(cognito)).toBe(true);
    expect(sourcesOf(folderOf('getTimeFunction')).some(cognito)).toBe(false);
    expect(
      sourcesOf(folderOf('getTimeFunction')).some((source) => source.includes('functions/api/get-time.ts')),
    ).toBe(true);
    expect(existsSync(join(folderOf('getTimeFunction'), 'index.mjs'))).toBe(true);
  });
});
