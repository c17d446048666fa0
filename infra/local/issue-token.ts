// `npm run token -- --role <role> --scope <district|party|iin> [--subject <name>]`: prints a bearer token
// for the local engine, signed with the key in DATA_DIR.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CallerSchema } from '../../shared/auth/caller.ts';
import { LocalTokens } from './local-tokens.ts';

const { values } = parseArgs({
  options: { role: { type: 'string' }, scope: { type: 'string' }, subject: { type: 'string' } },
});
const role = values.role ?? '';
const scope = values.scope ?? '';
const caller = CallerSchema.safeParse({
  role,
  subject: values.subject ?? `${role}-${scope}`,
  district: scope,
  partyId: scope,
  iin: scope,
});
if (!caller.success || caller.data.role === 'public') {
  console.error(
    'usage: npm run token -- --role commission|akimat --scope <4-digit district>\n' +
      '       npm run token -- --role party --scope <party id>\n' +
      '       npm run token -- --role candidate --scope <own IIN>',
  );
  process.exit(2);
}
const tokens = LocalTokens.inDataDir(resolve(process.env.DATA_DIR ?? '.data'));
console.log(await tokens.issue(caller.data));
