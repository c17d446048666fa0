import { describe, expect, it } from 'vitest';
import { apiFunctions, scheduledFunctions, taskFunctions } from '../../infra/aws/function-catalogue.ts';

/**
 * What the stack deploys names a file and an export in it; Lambda finds nothing else. A route without its export
 * in `functions/api.ts` would deploy, and answer every call with Runtime.HandlerNotFound (a 500).
 */
describe('every function the stack deploys', () => {
  const specs = [...taskFunctions, ...apiFunctions, ...scheduledFunctions];

  it.each(specs.map((spec) => [spec.name, spec.file, spec.handler] as const))(
    '%s has its handler (functions/%s.ts, export %s)',
    async (_name, file, handler) => {
      const module: Record<string, unknown> = await import(`../../functions/${file}.ts`);
      expect(typeof module[handler]).toBe('function');
    },
  );
});
