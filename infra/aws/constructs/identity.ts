import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import * as z from 'zod';

export interface IdentityProps {
  /** Names the pool: `<prefix>-users`. */
  readonly prefix: string;
  /** Threat protection on, and the pool kept when the stack goes. */
  readonly production: boolean;
  /**
   * A verified SES identity the pool mails invitations from: an address (`desk@example.kz`) or a domain
   * (`example.kz`, mailed from `no-reply@example.kz`). @default Cognito's own mailer, which sends at most 50
   * e-mails a day per account: enough to try the desk, not for a country's commissions
   */
  readonly sesIdentity?: string;
}

/** Where the pool mails from: Cognito's own mailer, or SES with a verified address or domain. */
export function userPoolEmail(sesIdentity: string | undefined): UserPoolEmail {
  if (sesIdentity === undefined) return UserPoolEmail.withCognito();
  if (z.email().safeParse(sesIdentity).success) return UserPoolEmail.withSES({ fromEmail: sesIdentity });
  if (z.hostname().safeParse(sesIdentity).success && sesIdentity.includes('.')) {
    return UserPoolEmail.withSES({ fromEmail: `no-reply@${sesIdentity}`, sesVerifiedDomain: sesIdentity });
  }
  throw new Error(
    `sesIdentity must be an SES identity verified in the stack's region: an e-mail address or a domain, not "${sesIdentity}"`,
  );
}

/** The roles, one group each; `admin` is given beside `commission` to a commission's administrator. */
export const userGroups = ['commission', 'akimat', 'party', 'candidate', 'admin'] as const;

// Listed explicitly: a client without write attributes may write every mutable attribute. A user may change
// their own name, nothing else: not the email (sign-in and account recovery) and never a scope attribute.
const writeAttributes = () => new ClientAttributes().withStandardAttributes({ fullname: true });
// What the ID token carries: the scope attributes the API reads (with the district that manages a party's or a
// candidate's account, whose elections alone it acts in), and who the user is.
const readAttributes = () =>
  new ClientAttributes()
    .withStandardAttributes({ fullname: true, email: true, emailVerified: true })
    .withCustomAttributes('district', 'party', 'iin', 'managed_by');

/**
 * Who may sign in, and as what: a Cognito user pool whose groups are the roles and whose immutable custom
 * attributes are the scopes, set by administrators only; an app client for scripts and one for the desk, both
 * reading the scopes from ID tokens; the hosted sign-in (managed login) on a Cognito domain.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The hosted sign-in: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly signInDomain: UserPoolDomain;
  /** The OpenID Connect issuer of the pool's tokens, the desk's authority. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    // The pool's path changed when the scope attributes became immutable: CloudFormation cannot change an existing
    // custom attribute, so the next deploy creates a new pool (users re-created) rather than fail to update.
    const userPool = new UserPool(this, 'Users', {
      userPoolName: `${props.prefix}-users`,
      selfSignUpEnabled: false,
      // The login name the administrator gives, as locally: an e-mail address or not (an akimat's officer may
      // have none). Not an alias of the e-mail: Cognito would then refuse login names shaped like one. Changing
      // how users sign in replaced the pool (README "Deploy to AWS").
      signInAliases: { username: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      email: userPoolEmail(props.sesIdentity),
      // The scope of a role: a district (commission, akimat), a party id, or the candidate's own IIN. The API trusts
      // these claims, so they are immutable: an administrator sets them in AdminCreateUser and nobody, not even an
      // administrator, changes them afterwards. A person who moves to another district or party gets a new account
      // (a new `sub`), so what an account did stays attributable to the one scope it ever had; a wrong scope is
      // fixed the same way (delete the user, create it again). An IIN never changes.
      customAttributes: {
        district: new StringAttribute({ minLen: 4, maxLen: 4, mutable: false }),
        party: new StringAttribute({ minLen: 2, maxLen: 63, mutable: false }),
        iin: new StringAttribute({ minLen: 12, maxLen: 12, mutable: false }),
        // The district whose commission manages the account: leads from a user to its record in the table.
        managed_by: new StringAttribute({ minLen: 4, maxLen: 4, mutable: false }),
      },
      ...(props.production
        ? {
            featurePlan: FeaturePlan.PLUS,
            standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
          }
        : {}),
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (!props.production) {
      const reason =
        'Cognito Plus (threat protection) is switched on for the prod stage; other stages are not public';
      Validations.of(userPool).acknowledge(
        { id: 'AwsSolutions-COG3', reason },
        { id: 'AwsSolutions-COG8', reason },
      );
    }
    for (const group of userGroups) {
      userPool.addGroup(group, {
        groupName: group,
        description:
          group === 'admin'
            ? 'Commission administrators: create and disable the accounts of their district'
            : `The ${group} role of akim-nominations`,
      });
    }
    const client = userPool.addClient('Api', {
      // SRP for people; the admin flow (it needs IAM credentials) for operators' scripts and smoke tests.
      authFlows: { userSrp: true, adminUserPassword: true },
      generateSecret: false,
      // No hosted sign-in: the domain's OAuth flows are the desk client's alone (CDK's default would allow the
      // implicit grant to https://example.com).
      disableOAuth: true,
      // The roles and scopes are read from ID tokens (custom attributes are not in access tokens).
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
      writeAttributes: writeAttributes(),
      readAttributes: readAttributes(),
    });
    this.userPool = userPool;
    this.client = client;
    // Cognito domains are global per region: the account makes the prefix the stage's own.
    this.signInDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `${props.prefix}-${Stack.of(this).account}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${userPool.userPoolId}`;
  }

  /**
   * The desk's app client: the authorization code grant through the hosted sign-in, back to the desk's own URL,
   * for a public client (no secret: the desk is a page, and oidc-client-ts proves the code with PKCE); no
   * password flow of its own.
   */
  addDeskClient(deskUrl: string): UserPoolClient {
    const desk = this.userPool.addClient('Desk', {
      generateSecret: false,
      // Only refreshing: signing in is the hosted page's, never a password sent by the desk itself.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL],
        callbackUrls: [`${deskUrl}/`],
        logoutUrls: [`${deskUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // A working day, then the hosted sign-in again.
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      writeAttributes: writeAttributes(),
      readAttributes: readAttributes(),
    });
    // The newer managed login shows no page for a client without a style: Cognito's own.
    new CfnManagedLoginBranding(this, 'DeskSignInStyle', {
      userPoolId: this.userPool.userPoolId,
      clientId: desk.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return desk;
  }
}
