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
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@aws-sdk/*'], message: 'Handlers import no AWS SDK client: go through shared/.' }] },
      ],
    },
  },
);
