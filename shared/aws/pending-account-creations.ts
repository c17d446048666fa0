import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Instant } from '../domain/local-date.ts';
import type { Table } from '../storage/document-client.ts';
import { keys } from '../storage/keys.ts';
import { queryAll } from '../storage/query-all.ts';

/**
 * Longer than any creation runs: Lambda stops every function by 15 minutes. A creation begun longer ago is over,
 * whatever became of it.
 */
export const CREATION_OVER_AFTER_MS = 15 * 60_000;
/** How far Cognito's clock and the function's may differ, when telling a user made by a creation from an older one. */
const CLOCK_SKEW_MS = 60_000;

const PendingCreationSchema = z.object({
  username: z.string(),
  /** When the latest creation of the name began: none is over before this is 15 minutes old. */
  startedAt: z.string(),
  /** When the first creation the mark stands for began: a user made since then may be one of theirs. */
  firstStartedAt: z.string().optional(),
});

/**
 * Account creations on AWS that may have left half an account. Creating one is three systems' work (Cognito's
 * user, its groups, the record in the table); when the record cannot be written, the creation removes the user
 * again, and when that removal fails too, a user is left that signs in with a role and a scope but that no
 * administrator sees or can disable. So a creation first writes that it began (before Cognito is asked), and
 * removes that mark once the record is stored. A mark left behind by a creation that is over names a user to
 * look at: a user made by that creation (not before it) without a record is deleted; anything else, the mark
 * only. The next creation in the pool does this first, so the login name is free again for its retry.
 */
export class PendingAccountCreations {
  readonly #cognito: CognitoIdentityProviderClient;
  readonly #userPoolId: string;
  readonly #table: Table;

  constructor(cognito: CognitoIdentityProviderClient, userPoolId: string, table: Table) {
    this.#cognito = cognito;
    this.#userPoolId = userPoolId;
    this.#table = table;
  }

  /**
   * Before Cognito is asked: a creation of this login name begins. A retry of the name while an earlier creation's
   * mark is still there (it crashed, and its user is left) keeps when that first one began: the retry fails on the
   * name taken, and the user the first one made must still be found as a creation's, not as someone else's.
   */
  async begin(username: string, at: Instant): Promise<void> {
    await this.#table.db.send(
      new UpdateCommand({
        TableName: this.#table.name,
        Key: keys.pendingAccountCreation(username),
        UpdateExpression:
          'SET username = :username, startedAt = :at, firstStartedAt = if_not_exists(firstStartedAt, :at)',
        ExpressionAttributeValues: { ':username': username, ':at': at },
      }),
    );
  }

  /** Once the record is stored: nothing of the creation is left to look at. */
  async end(username: string): Promise<void> {
    await this.#table.db.send(
      new DeleteCommand({ TableName: this.#table.name, Key: keys.pendingAccountCreation(username) }),
    );
  }

  /**
   * Looks at the creations that are over and left their mark; answers the login names whose half-made user it
   * deleted. A mark it cannot settle now (Cognito or the table failing) stays for the next time.
   */
  async recover(now: Instant): Promise<string[]> {
    const { pk, skPrefix } = keys.pendingAccountCreations;
    const pending = await queryAll(this.#table, PendingCreationSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
    const over = pending.filter(
      (creation) => Date.parse(now) - Date.parse(creation.startedAt) > CREATION_OVER_AFTER_MS,
    );
    const deleted: string[] = [];
    for (const creation of over) {
      try {
        if (await this.#removeHalfMadeUser(creation)) deleted.push(creation.username);
        await this.end(creation.username);
      } catch {
        // Left for the next creation: a user nobody sees is worse than a mark looked at twice.
      }
    }
    return deleted;
  }

  async #removeHalfMadeUser(creation: z.infer<typeof PendingCreationSchema>): Promise<boolean> {
    const user = { UserPoolId: this.#userPoolId, Username: creation.username };
    let found: AdminGetUserCommandOutput;
    try {
      found = await this.#cognito.send(new AdminGetUserCommand(user));
    } catch (error) {
      if (error instanceof UserNotFoundException) return false;
      throw error;
    }
    // A user older than the creation is someone else's (the name was taken): never this creation's to remove.
    const createdAt = found.UserCreateDate?.getTime() ?? 0;
    if (createdAt < Date.parse(creation.firstStartedAt ?? creation.startedAt) - CLOCK_SKEW_MS) return false;
    const attribute = (name: string) => found.UserAttributes?.find((a) => a.Name === name)?.Value;
    const sub = attribute('sub');
    if (sub === undefined) return false;
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        // Without `custom:managed_by`, the record is kept under '-' (CognitoAccountDirectory's NO_DISTRICT).
        Key: keys.managedAccount(attribute('custom:managed_by') ?? '-', sub),
        ConsistentRead: true,
      }),
    );
    if (Item !== undefined) return false;
    await this.#cognito.send(new AdminDeleteUserCommand(user));
    return true;
  }
}
