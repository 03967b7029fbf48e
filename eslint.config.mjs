import { defineConfig, globalIgnores } from 'eslint/config';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '.next/**',
    'node_modules/**',
    '.data/**',
    'artifacts/**',
    'drizzle/**',
    'coverage/**',
    '.scratch/**',
    'next-env.d.ts',
  ]),
  // Next, React, React Hooks, jsx-a11y and import rules; Core Web Vitals rules as errors.
  ...nextCoreWebVitals,
  // Used directly rather than `eslint-config-next/typescript`, which downgrades
  // no-unused-vars and no-unused-expressions to warnings.
  ...tseslint.configs.recommended,
  {
    rules: {
      // Module augmentation (`interface GlobalMeta extends FieldMeta {}`) needs an empty interface.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
]);
