import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../../infra/aws/app.ts';
import { Identity } from '../../infra/aws/constructs/identity.ts';

/** The user pool alone, in a stack of its own: its e-mail settings need no whole product synthesised. */
function userPoolWith(sesIdentity?: string) {
  // cdk.json's feature flags, as every synthesis of the product has them.
  const stack = new Stack(new App({ context: cdkJsonContext() }), 'Mail', {
    env: { account: '123456789012', region: 'eu-central-1' },
  });
  new Identity(stack, 'Identity', {
    prefix: 'akim-nominations-test',
    production: false,
    ...(sesIdentity === undefined ? {} : { sesIdentity }),
  });
  return Template.fromStack(stack);
}

describe('the user pool’s invitations by e-mail', () => {
  it('go through Cognito’s own mailer by default (50 a day per account: a trial, not a country)', () => {
    userPoolWith().hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
  });

  it('go through SES from the verified address the deploy names', () => {
    userPoolWith('desk@saylau.kz').hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'desk@saylau.kz',
        SourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/desk@saylau.kz',
      },
    });
  });

  it('go through SES from no-reply at the verified domain the deploy names', () => {
    userPoolWith('saylau.kz').hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'no-reply@saylau.kz',
        SourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/saylau.kz',
      },
    });
  });

  it('refuse at synthesis a value that names no SES identity, rather than fail at the first invitation', () => {
    expect(() => userPoolWith('not an identity')).toThrow(/sesIdentity must be an SES identity/);
  });
});
