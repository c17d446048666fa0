// `npm run users -- add --role <role> --scope <district|party|iin> --name "<name>" [--username <u>] [--admin]
//   [--district <4 digits>] [--password-stdin]`, `npm run users -- list`, `npm run users -- disable <username>`:
// the desk's accounts of the local engine. The engine owns its storage, so the command asks the running engine
// (its operator-only admin routes, with a token signed by the key in DATA_DIR), at ENGINE_URL or
// http://127.0.0.1:$PORT.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import {
  AccountRoleSchema,
  AccountSchema,
  CreatedAccountSchema,
  type ListedAccount,
  ListedAccountSchema,
  listedAccount,
  needsManagingDistrict,
} from '../../shared/domain/account.ts';
import { localize } from '../../shared/domain/error-catalogue.ts';
import { LocalTokens } from './local-tokens.ts';

const USAGE = `usage: npm run users -- add --role commission|akimat --scope <4-digit district> --name "<name>" [--admin]
       npm run users -- add --role party --scope <party id> --name "<name>" --district <4 digits>
       npm run users -- add --role candidate --scope <IIN> --name "<name>" --district <4 digits>
         [--username <login name>] [--password-stdin: the first password from standard input]
       npm run users -- list
       npm run users -- disable <username>
the engine must be running (npm start) on the same DATA_DIR; it is reached at ENGINE_URL or http://127.0.0.1:$PORT`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    scope: { type: 'string' },
    name: { type: 'string' },
    username: { type: 'string' },
    district: { type: 'string' },
    admin: { type: 'boolean', default: false },
    'password-stdin': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const engineUrl = process.env.ENGINE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const ErrorAnswerSchema = z.object({
  error: z.object({
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

/** One call to the engine's admin routes; a refusal or an engine that does not answer ends the command. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  if (!existsSync(join(dataDir, 'token-signing.key'))) {
    fail(
      `no engine has run on ${dataDir} yet: start one with \`npm start\` (same DATA_DIR), or set DATA_DIR`,
    );
  }
  const token = await LocalTokens.inDataDir(dataDir).issueOperator('users-cli', 300);
  let response: Response;
  try {
    response = await fetch(`${engineUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    fail(
      `no engine answers at ${engineUrl}: start it with \`npm start\` (same DATA_DIR and PORT), or set ENGINE_URL`,
    );
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refused = ErrorAnswerSchema.safeParse(answer);
    if (!refused.success) fail(`the engine answered ${response.status}`);
    const issues = (refused.data.error.issues ?? []).map((i) => `  ${i.field}: ${i.message}`);
    fail([refused.data.error.message, ...issues].join('\n'));
  }
  return answer;
}

/** An account in one line; a candidate's IIN shown by its last four digits only (terminals are logged). */
function line(account: ListedAccount): string {
  const scope =
    'district' in account.scope
      ? `district ${account.scope.district}`
      : 'partyId' in account.scope
        ? `party ${account.scope.partyId}`
        : `IIN ${account.scope.iin}`;
  const managed = account.managedBy === undefined ? [] : [`managed by ${account.managedBy}`];
  const flags = [account.admin ? 'administrator' : '', account.disabled ? 'DISABLED' : ''].filter(Boolean);
  return [account.username, account.role, scope, ...managed, `“${account.name}”`, ...flags].join('  ');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const [command, argument] = positionals;
if (command === 'add') {
  if (values.role === undefined || values.scope === undefined || values.name === undefined) fail(USAGE, 2);
  const role = AccountRoleSchema.safeParse(values.role);
  // Said before the engine is asked, with the option to add; the engine refuses such a request as well.
  if (role.success && needsManagingDistrict(role.data) && values.district === undefined) {
    fail(`${localize('ACCOUNT_DISTRICT_REQUIRED').en}\n  add --district <4 digits>\n\n${USAGE}`, 2);
  }
  const password = values['password-stdin'] ? await readStdin() : undefined;
  const answer = CreatedAccountSchema.parse(
    await call('POST', '/admin/accounts', {
      account: {
        role: values.role,
        scope: values.scope,
        name: values.name,
        ...(values.username === undefined ? {} : { username: values.username }),
      },
      admin: values.admin,
      ...(values.district === undefined ? {} : { managedBy: values.district }),
      ...(password === undefined ? {} : { password }),
    }),
  );
  console.log(`account created: ${line(listedAccount(answer.account))}`);
  console.log(`username: ${answer.account.username}`);
  if (answer.initialPassword !== undefined) {
    console.log(`password: ${answer.initialPassword}`);
    console.log('(shown this once: the engine keeps only its scrypt hash)');
  }
} else if (command === 'list') {
  const { accounts } = z
    .object({ accounts: z.array(ListedAccountSchema) })
    .parse(await call('GET', '/admin/accounts'));
  if (accounts.length === 0) console.log('no accounts yet: npm run users -- add …');
  for (const account of accounts) console.log(line(account));
} else if (command === 'disable' && argument !== undefined) {
  const account = AccountSchema.parse(
    await call('POST', `/admin/accounts/${encodeURIComponent(argument)}/disablement`, {}),
  );
  console.log(`disabled: ${line(listedAccount(account))}`);
} else {
  fail(USAGE, 2);
}
