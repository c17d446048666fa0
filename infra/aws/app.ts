import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { NominationsStack } from './nominations-stack.ts';

/**
 * The CDK app: one stack per stage (`-c stage=prod`; `dev` by default), checked by cdk-nag's AWS Solutions
 * rules at synthesis. A finding not acknowledged, with its reason, fails the synthesis.
 */
export function createApp(props: AppProps = {}): { app: App; stack: NominationsStack } {
  const app = new App({
    ...props,
    // S3 server access logs delivered under a bucket policy, not the LogDeliveryWrite ACL (buckets have no ACLs).
    context: { '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true, ...props.context },
  });
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  // Tests give a stub desk (`-c deskDirectory=…`); a real synthesis takes web/dist.
  const deskDirectory: unknown = app.node.tryGetContext('deskDirectory');
  const stack = new NominationsStack(app, `AkimNominations-${stage}`, {
    stage,
    ...(typeof deskDirectory === 'string' ? { deskDirectory } : {}),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: `akim-nominations (${stage}): nomination cases of the direct elections of rural akims`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
