import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface IdentityProps {
  /** Names the pool: `<prefix>-users`. */
  readonly prefix: string;
  /** Threat protection on, and the pool kept when the stack goes. */
  readonly production: boolean;
}

/**
 * Who may sign in, and as what: a Cognito user pool whose groups are the roles and whose immutable custom
 * attributes are the scopes, set by administrators only; one app client that reads the scopes from ID tokens.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    // The pool's path changed when the scope attributes became immutable: CloudFormation cannot change an existing
    // custom attribute, so the next deploy creates a new pool (users re-created) rather than fail to update.
    const userPool = new UserPool(this, 'Users', {
      userPoolName: `${props.prefix}-users`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
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
      // The scope of a role: a district (commission, akimat), a party id, or the candidate's own IIN. The API trusts
      // these claims, so they are immutable: an administrator sets them in AdminCreateUser and nobody, not even an
      // administrator, changes them afterwards. A person who moves to another district or party gets a new account
      // (a new `sub`), so what an account did stays attributable to the one scope it ever had; a wrong scope is
      // fixed the same way (delete the user, create it again). An IIN never changes.
      customAttributes: {
        district: new StringAttribute({ minLen: 4, maxLen: 4, mutable: false }),
        party: new StringAttribute({ minLen: 2, maxLen: 63, mutable: false }),
        iin: new StringAttribute({ minLen: 12, maxLen: 12, mutable: false }),
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
    for (const role of ['commission', 'akimat', 'party', 'candidate']) {
      userPool.addGroup(role, { groupName: role, description: `The ${role} role of akim-nominations` });
    }
    const client = userPool.addClient('Api', {
      // SRP for people; the admin flow (it needs IAM credentials) for operators' scripts and smoke tests.
      authFlows: { userSrp: true, adminUserPassword: true },
      generateSecret: false,
      // The roles and scopes are read from ID tokens (custom attributes are not in access tokens).
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
      // Listed explicitly: a client without write attributes may write every mutable attribute. A user may change
      // their own name, nothing else: not the email (sign-in and account recovery) and never a scope attribute.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      // What the ID token carries: the scope attributes the API reads, and who the user is.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true })
        .withCustomAttributes('district', 'party', 'iin'),
    });
    this.userPool = userPool;
    this.client = client;
  }
}
