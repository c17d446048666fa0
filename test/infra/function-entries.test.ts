import { describe, expect, it } from 'vitest';
import {
  apiFunctions,
  type FunctionNeeds,
  scheduledFunctions,
  taskFunctions,
} from '../../infra/aws/function-catalogue.ts';

/** A function's entry module, by its file under functions/ (some lie in functions/api/). */
const entryOf = (file: string) =>
  import(/* @vite-ignore */ new URL(`../../functions/${file}.ts`, import.meta.url).href);

/** The AWS adapters a function's grants call for: one SDK client each, and none the function may not use. */
function portsGranted(needs: FunctionNeeds): string[] {
  const ports: string[] = [];
  if (needs.objects !== undefined) ports.push('objects');
  if (needs.startsWorkflows !== undefined || needs.signalsTasks === true || needs.inspectsExecutions === true)
    ports.push('workflows');
  if (needs.armsWakeUps === true) ports.push('wakeUps');
  if (needs.userPool !== undefined) ports.push('accounts');
  return ports.sort();
}

/**
 * What the stack deploys names a file and an export in it; Lambda finds nothing else. A route without its entry
 * would deploy, and answer every call with Runtime.HandlerNotFound (a 500).
 */
describe('every function the stack deploys', () => {
  const specs = [...taskFunctions, ...apiFunctions, ...scheduledFunctions];

  it.each(specs.map((spec) => [spec.name, spec.file, spec.handler] as const))(
    '%s has its handler (functions/%s.ts, export %s)',
    async (_name, file, handler) => {
      const module: Record<string, unknown> = await entryOf(file);
      expect(typeof module[handler]).toBe('function');
    },
  );

  // An adapter it is not handed fails at its first call on AWS; one it is handed without a grant carries an SDK
  // client in its bundle for nothing (and fails with AccessDenied if used).
  it.each(specs.map((spec) => [spec.name, spec] as const))(
    '%s is handed the AWS adapters its grants call for, and no other',
    async (_name, spec) => {
      const module: Record<string, { awsPorts?: string[] }> = await entryOf(spec.file);
      expect([...(module[spec.handler]?.awsPorts ?? [])].sort()).toEqual(portsGranted(spec.needs));
    },
  );
});
