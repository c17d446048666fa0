import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { DeskConfig } from '../../../shared/desk-config.ts';
import {
  type DeskOrigins,
  deskContentSecurityPolicy,
  deskFixedHeaders,
  deskStrictTransport,
} from '../../../shared/http/desk-security-headers.ts';
import { nagEnvironment } from '../nag-environment.ts';

/** Where `npm run desk` writes the built desk. */
export const BUILT_DESK_DIRECTORY = new URL('../../../web/dist/', import.meta.url).pathname;

export interface DeskHostingProps {
  /** The built desk: index.html and assets/ (`npm run desk`). @default web/dist */
  readonly directory?: string;
  /**
   * The origins the desk reaches besides its own: it connects to the API, the user pool's issuer (discovery and
   * keys), the hosted sign-in's token endpoint and the upload bucket (presigned PUTs), and is sent to the sign-in.
   */
  readonly origins: DeskOrigins;
  /** Keep the access logs when the stack goes (stages other than dev). */
  readonly keepLogs: boolean;
}

/** How long CloudFront's and the desk bucket's access logs are kept: as long as the API's. */
const ACCESS_LOG_DAYS = 30;

// CloudFront's names for the shared values; a value changed there without one here does not compile.
const frameOptionOf = { DENY: HeadersFrameOption.DENY } as const satisfies Record<
  (typeof deskFixedHeaders)['x-frame-options'],
  HeadersFrameOption
>;
const referrerPolicyOf = { 'no-referrer': HeadersReferrerPolicy.NO_REFERRER } as const satisfies Record<
  (typeof deskFixedHeaders)['referrer-policy'],
  HeadersReferrerPolicy
>;

/**
 * The desk on AWS: its files in a private bucket that only CloudFront reads (origin access control), served over
 * HTTPS only with strict security headers; every deploy uploads the build and writes `/desk-config.json` beside
 * it. Routes are hashes (`#/elections/…`), so the bucket needs no rewrites and missing keys stay errors.
 */
export class DeskHosting extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution>.cloudfront.net`, no trailing slash. */
  readonly url: string;
  readonly #directory: string;

  constructor(scope: Construct, id: string, props: DeskHostingProps) {
    super(scope, id);
    this.#directory = props.directory ?? BUILT_DESK_DIRECTORY;
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
    } as const;
    // CloudFront's standard logs are delivered with an ACL grant: this bucket alone keeps ACLs on.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: props.keepLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is itself the access log of the desk bucket and of its CloudFront distribution',
    });
    this.bucket = new Bucket(this, 'Files', {
      ...privateBucket,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'desk-bucket/',
      // It holds only the build, which every deploy uploads again: removed with the stack in every stage.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // The policy the local engine sends too (shared/http/desk-security-headers.ts); CloudFront's content type
    // option is always `nosniff`, the rest goes as custom headers.
    const {
      'x-content-type-options': _nosniff,
      'x-frame-options': frameOption,
      'referrer-policy': referrerPolicy,
      ...custom
    } = deskFixedHeaders;
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The desk: strict CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: deskContentSecurityPolicy(props.origins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(deskStrictTransport.maxAgeSeconds),
          includeSubdomains: deskStrictTransport.includeSubdomains,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: referrerPolicyOf[referrerPolicy], override: true },
        frameOptions: { frameOption: frameOptionOf[frameOption], override: true },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(custom).map(([header, value]) => ({ header, value, override: true })),
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'akim-nominations: the desk',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      enableLogging: true,
      logBucket: this.accessLogs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The public reads registered candidates from anywhere, and officials travel: no country is refused',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The desk is static files; the API it calls is throttled by API Gateway and guarded by Cognito. A WAF for CloudFront lives in us-east-1, outside this stack',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses CloudFront’s own domain and certificate, whose minimum protocol CloudFront sets; a custom domain with its own certificate would allow TLSv1.2_2021 only',
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the built desk and writes its configuration, resolved at deploy time. Hashed assets are kept a year
   * and never removed (a page still open keeps loading its own); index.html and the configuration are
   * revalidated on every load, and CloudFront's copies are invalidated by each deploy.
   */
  deploy(config: DeskConfig): void {
    const directory = this.#directory;
    for (const needed of ['index.html', 'assets']) {
      if (!existsSync(join(directory, needed))) {
        throw new Error(
          `The desk is not built: ${join(directory, needed)} is missing. Build it with \`npm run desk\`, then synthesise again.`,
        );
      }
    }
    const assets = new BucketDeployment(this, 'Assets', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      sources: [Source.asset(join(directory, 'assets'))],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const pages = new BucketDeployment(this, 'Pages', {
      destinationBucket: this.bucket,
      sources: [
        // The build's own stamp (`.desk-build.json`: which sources it was made of) is not the desk's to serve.
        Source.asset(directory, { exclude: ['assets', 'assets/**', '.*'] }),
        Source.jsonData('desk-config.json', config),
      ],
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // A new index.html never names an asset that is not there yet.
    pages.node.addDependency(assets);
    this.#acknowledgeDeploymentHandler();
  }

  /** The CDK's own function that copies the build into the bucket (one per stack, shared by both deployments). */
  #acknowledgeDeploymentHandler(): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler === undefined) throw new Error('no bucket deployment handler in the stack');
    const { partition, region, account } = nagEnvironment(stack);
    const copies = 'It copies the desk’s build from the CDK asset bucket into the desk bucket at deploy time';
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'The AWS managed basic execution role only lets the CDK’s deployment function write its own logs',
      },
      ...[
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        `Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
        `Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `${copies}: the CDK grants these on the two buckets only`,
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `${copies}, then invalidates the distribution: cloudfront:CreateInvalidation and GetInvalidation, whose resource the CDK leaves open`,
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'The runtime of the CDK’s own deployment function is the CDK’s choice, updated with aws-cdk-lib',
      },
    );
  }
}
