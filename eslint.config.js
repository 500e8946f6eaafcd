import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A Scan reads the whole table: never on a request path (architecture.md, Data).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@aws-sdk/lib-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path.' },
            { name: '@aws-sdk/client-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read answers of many shapes; typing each one would say nothing a test does not.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The SDK's S3 client and presigned POST are devDependencies, for tests: ~150 KB a bundle
    // (shared/store/s3-client.ts has the operations the functions need).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@aws-sdk/lib-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path.' },
            { name: '@aws-sdk/client-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path.' },
            { name: '@aws-sdk/client-s3', message: 'Use shared/store/s3-client.ts: client-s3 is a devDependency.' },
            { name: '@aws-sdk/s3-presigned-post', message: 'Use shared/store/s3-client.ts (presignPost).' },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@aws-sdk/*'], message: 'Handlers import no AWS SDK client: go through shared/.' }] },
      ],
    },
  },
);
