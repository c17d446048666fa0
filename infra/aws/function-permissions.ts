import { Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { indexOfFamily, type KeyFamily, leadingKeysPattern } from '../../shared/storage/keys.ts';
import type { ProductFunction } from './constructs/product-function.ts';
import type { FunctionSpec, ObjectPrefix } from './function-catalogue.ts';

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/**
 * A function's table access: the partitions of the key families it reads, read-only, and of those it writes,
 * write-only, each limited by `dynamodb:LeadingKeys` (README "Storage"). No Scan: a scan has no leading key,
 * so no condition could limit it.
 */
export function tableAccess(spec: FunctionSpec, table: TableV2): PolicyStatement[] {
  const statements = (actions: readonly string[], families: readonly KeyFamily[]) => {
    const byResource = new Map<string, string[]>();
    for (const family of new Set(families)) {
      const index = indexOfFamily(family);
      const resource = index === undefined ? table.tableArn : `${table.tableArn}/index/${index}`;
      byResource.set(resource, [...(byResource.get(resource) ?? []), leadingKeysPattern(family, spec.name)]);
    }
    return [...byResource].map(
      ([resource, patterns]) =>
        new PolicyStatement({
          // An index can only be queried.
          actions: resource === table.tableArn ? [...actions] : ['dynamodb:Query'],
          resources: [resource],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } },
        }),
    );
  };
  return [...statements(READ_ACTIONS, spec.needs.reads), ...statements(WRITE_ACTIONS, spec.needs.writes)];
}

/**
 * A function's access to the upload bucket (FunctionNeeds.objects): each action on the objects of the folders
 * named for it only. A missing object reads as NoSuchKey only to a caller that may list it, so a reader may
 * also list, but only the folders it reads. Acknowledges on `product` the folder wildcards cdk-nag flags.
 */
export function objectAccess(
  spec: FunctionSpec,
  uploads: Bucket,
  product: ProductFunction,
): PolicyStatement[] {
  const needs = spec.needs.objects;
  if (needs === undefined) return [];
  const reads = needs.reads ?? [];
  const byAction: readonly (readonly [string, readonly ObjectPrefix[]])[] = [
    ['s3:GetObject', reads],
    ['s3:PutObject', [...new Set([...(needs.writes ?? []), ...(needs.presigns ?? [])])]],
    ['s3:DeleteObject', needs.removes ?? []],
  ];
  const statements = byAction
    .filter(([, folders]) => folders.length > 0)
    .map(
      ([action, folders]) =>
        new PolicyStatement({
          actions: [action],
          resources: folders.map((folder) => uploads.arnForObjects(`${folder}*`)),
        }),
    );
  if (reads.length > 0) {
    statements.push(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [uploads.bucketArn],
        conditions: { StringLike: { 's3:prefix': reads.map((folder) => `${folder}*`) } },
      }),
    );
  }
  const bucket = uploads.node.defaultChild;
  if (!(bucket instanceof CfnBucket)) throw new Error('the upload bucket has no CfnBucket');
  const bucketId = Stack.of(uploads).getLogicalId(bucket);
  for (const folder of new Set(byAction.flatMap(([, folders]) => folders))) {
    Validations.of(product).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${folder}*]`,
      reason: `Objects are named per election, case, upload and job: only those under ${folder} of the product’s own bucket`,
    });
  }
  return statements;
}
