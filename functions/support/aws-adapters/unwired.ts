import type { Dependencies } from '../dependencies.ts';
import type { AwsPortName } from './aws-adapter.ts';

/**
 * A port an API function is not given (its catalogue entry grants it nothing there either): any call fails at
 * once and names the port, instead of an SDK client without permissions failing with AccessDenied.
 */
export function unwired<P extends AwsPortName>(port: P): Dependencies[P] {
  const refuse = (member: string) => () =>
    Promise.reject(new Error(`this function is not given ${port} (called ${member})`));
  // `then` stays undefined, so that awaiting the port itself does not call it.
  return new Proxy(
    {},
    {
      get: (_target, member) =>
        typeof member === 'string' && member !== 'then' ? refuse(member) : undefined,
    },
  ) as Dependencies[P];
}
