import { Match } from 'aws-cdk-lib/assertions';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { synthLaurel, type SynthesisedLaurel } from './laurel-template.js';

// The stateful part: table, evidence bucket (and its log bucket), user pool. It does not depend on the
// route table, so it is built with no rows (no functions to construct). One synth for the file.

let laurel: SynthesisedLaurel;
beforeAll(() => {
  laurel = synthLaurel({ routes: [] });
});
afterAll(() => laurel?.cleanUp());

describe('the table', () => {
  it('is one on-demand table keyed by pk/sk with three generic indexes', () => {
    laurel.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        },
        {
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
        },
        {
          IndexName: 'gsi3',
          KeySchema: [
            { AttributeName: 'gsi3pk', KeyType: 'HASH' },
            { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
          ],
        },
      ],
    });
  });

  it('keeps point-in-time recovery, deletion protection and survives stack deletion', () => {
    laurel.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('lets TTL tidy expired items by expiresAt', () => {
    laurel.template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});

describe('the evidence bucket', () => {
  const evidenceBucketId = () => laurel.logicalId(laurel.stack.data.evidenceBucket.node.defaultChild as CfnBucket);
  const logBucketId = () => laurel.logicalId(laurel.stack.data.accessLogBucket.node.defaultChild as CfnBucket);

  it('blocks all public access, is versioned and encrypted with S3-managed keys', () => {
    const [bucket] = Object.values(
      laurel.template.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } }),
    );
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
  });

  it('is retained when the stack is deleted', () => {
    expect(laurel.template.toJSON().Resources[evidenceBucketId()]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('writes server access logs to the separate log bucket', () => {
    laurel.template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucketId() }, LogFilePrefix: 'evidence/' },
    });
  });

  it('accepts browser POST uploads (presigned POST) and no other cross-origin method', () => {
    laurel.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: ['*'] })] },
    });
  });

  it('refuses every request that is not over TLS, on both buckets', () => {
    for (const bucketId of [evidenceBucketId(), logBucketId()]) {
      laurel.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('has a log bucket that is itself private, encrypted, versioned and retained', () => {
    expect(laurel.template.toJSON().Resources[logBucketId()]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
    });
  });
});

describe('the user pool', () => {
  it('has the organisers, judges and entrants groups', () => {
    for (const group of ['organisers', 'judges', 'entrants']) {
      laurel.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
  });

  it("carries an entrant's ODS organisation code as the mutable custom attribute orgCode", () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'orgCode', AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it('demands passwords of at least 12 characters with every character class', () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('lets nobody sign themselves up', () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('offers TOTP as an optional second factor, never SMS', () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('enforces threat protection on the Plus plan', () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('is protected from deletion and retained with the stack', () => {
    laurel.template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });
});

describe('the API client', () => {
  it('is a public client (no secret) signing in with SRP only', () => {
    laurel.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('cannot write orgCode: an entrant must not move themselves to another organisation', () => {
    const [client] = Object.values(laurel.template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client?.Properties.WriteAttributes).toEqual(expect.any(Array));
    expect(client?.Properties.WriteAttributes).not.toContain('custom:orgCode');
    expect(client?.Properties.ReadAttributes).toContain('custom:orgCode');
  });
});

describe('allowed origins', () => {
  it('come from the laurel:allowedOrigins context for both the bucket and the API', () => {
    // Prepare
    const origins = 'https://awards.example.nhs.uk,https://admin.example.nhs.uk';
    const custom = synthLaurel({ routes: [], context: { 'laurel:allowedOrigins': origins } });

    try {
      // Assess
      const expected = ['https://awards.example.nhs.uk', 'https://admin.example.nhs.uk'];
      custom.template.hasResourceProperties('AWS::S3::Bucket', {
        CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: expected })] },
      });
      custom.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: expected }),
      });
    } finally {
      custom.cleanUp();
    }
  });
});
