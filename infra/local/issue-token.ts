// `npm run token -- --role <role> --scope <district|party|iin> [--subject <name>] [--admin]`: prints a bearer token
// for the local engine, signed (ES256) with the key in DATA_DIR, for scripts and curl; people sign in to the desk
// with accounts (`npm run users`). `--role operator` (no scope): a token for the engine's admin routes (the
// manual clock, executions, stats, accounts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CallerSchema, SubjectSchema } from '../../shared/auth/caller.ts';
import { LocalTokens } from './local-tokens.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    scope: { type: 'string' },
    subject: { type: 'string' },
    admin: { type: 'boolean', default: false },
  },
});
const role = values.role ?? '';
const scope = values.scope ?? '';
const tokens = () => LocalTokens.inDataDir(resolve(process.env.DATA_DIR ?? '.data'));
// A subject names an account, never a person: a candidate's IIN is their scope, not their name in audit trails.
const subject = SubjectSchema.safeParse(
  values.subject ?? (role === 'candidate' ? tokens().candidateSubject(scope) : `${role}-${scope || 'local'}`),
);

if (role === 'operator' && subject.success) {
  console.log(await tokens().issueOperator(subject.data));
  process.exit(0);
}
const caller = CallerSchema.safeParse({
  role,
  subject: subject.data,
  district: scope,
  partyId: scope,
  iin: scope,
  // A commission's administrator (the account routes); ignored for other roles.
  ...(role === 'commission' && values.admin ? { admin: true } : {}),
});
if (!caller.success || caller.data.role === 'public') {
  console.error(
    'usage: npm run token -- --role commission|akimat --scope <4-digit district> [--admin: commission]\n' +
      '       npm run token -- --role party --scope <party id>\n' +
      '       npm run token -- --role candidate --scope <own IIN>\n' +
      '       npm run token -- --role operator   (the engine’s admin routes)\n' +
      '       [--subject <account name: letters, digits, . _ @ : + -, at most 128, no IIN>]',
  );
  process.exit(2);
}
console.log(await tokens().issue(caller.data));
