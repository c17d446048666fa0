import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';

/**
 * The table as a writer sees it when DynamoDB applies a put but its answer is lost: the SDK sends the same
 * request again and answers with what the retry got. Only the first put of an item under `sortKey` is affected.
 */
export function withPutAnswerLost(table: Table, sortKey: string): Table {
  let lost = false;
  const send = async (command: Parameters<Table['db']['send']>[0]) => {
    if (!lost && command instanceof PutCommand && command.input.Item?.sk === sortKey) {
      lost = true;
      await table.db.send(command);
    }
    return table.db.send(command);
  };
  const db = new Proxy(table.db, {
    get: (target, name) => (name === 'send' ? send : Reflect.get(target, name)),
  });
  return { name: table.name, db };
}
