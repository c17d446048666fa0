import { readFileSync } from 'node:fs';
import { App, type AppProps, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as z from 'zod';
import { NominationsStack } from './nominations-stack.ts';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);

/**
 * cdk.json's context: the feature flags, chosen there one by one, and the default stage. `cdk synth` hands it to
 * the app itself; read here too, so that a test's synthesis builds the template a deploy builds.
 */
export function cdkJsonContext(): Record<string, unknown> {
  return z
    .object({ context: z.record(z.string(), z.unknown()) })
    .parse(JSON.parse(readFileSync(CDK_JSON, 'utf8'))).context;
}

/**
 * The CDK app: one stack per stage (`-c stage=prod`; `dev` by default), checked by cdk-nag's AWS Solutions
 * rules at synthesis. A finding not acknowledged, with its reason, fails the synthesis.
 *
 * The CDK's own CloudFormation schema validation is off unless asked for (`builtinCloudFormationValidation`): it
 * takes five of a synthesis's seconds, and a test runs it on both stages with its findings as errors.
 */
export function createApp(
  props: AppProps = {},
  // The CLI's account and region: known with credentials, unknown (tokens) without.
  env: Environment = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
): { app: App; stack: NominationsStack } {
  const app = new App({
    builtinCloudFormationValidation: false,
    ...props,
    context: { ...cdkJsonContext(), ...props.context },
  });
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  // Tests give a stub desk (`-c deskDirectory=…`); a real synthesis takes web/dist.
  const deskDirectory: unknown = app.node.tryGetContext('deskDirectory');
  // Cognito mails invitations itself (50 a day) unless told an SES identity: `-c sesIdentity=example.kz`.
  const sesIdentity: unknown = app.node.tryGetContext('sesIdentity');
  const stack = new NominationsStack(app, `AkimNominations-${stage}`, {
    stage,
    ...(typeof deskDirectory === 'string' ? { deskDirectory } : {}),
    ...(typeof sesIdentity === 'string' ? { sesIdentity } : {}),
    env,
    description: `akim-nominations (${stage}): nomination cases of the direct elections of rural akims`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
