// Lint rules, including the layer boundaries of shared/design/architecture.md, so they cannot drift.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'data/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  layer(['src/domain/**'], [
    { group: ['**/db/**', '**/index/**', '**/services/**', '**/http/**', '**/cli/**', '**/contract/**', '**/config*'], message: 'domain imports only domain' },
  ]),
  layer(['src/db/**'], [
    { group: ['**/index/**', '**/services/**', '**/http/**', '**/cli/**', '**/contract/**'], message: 'db imports only domain types and Kysely' },
  ]),
  layer(['src/index/**'], [
    { group: ['**/db/**', '**/services/**', '**/http/**', '**/cli/**', '**/contract/**'], message: 'index imports only domain' },
  ]),
  layer(['src/services/**'], [
    { group: ['**/http/**', '**/cli/**', '**/contract/**'], message: 'services import domain, db and index only' },
  ]),
  layer(['src/http/**', 'src/cli/**'], [
    { group: ['**/db/repos/**'], message: 'http and cli go through services, never repositories' },
  ]),
  // The browser app shares only the zod contract with the server (and never Node built-ins).
  layer(['web/**'], [
    { group: ['**/src/*', '!**/src/contract'], message: 'web imports only src/contract (as @contract/…) from the server code' },
    { group: ['node:*', 'fastify', 'fastify/*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3'], message: 'web runs in the browser: no server modules' },
  ]),
  layer(['src/contract/**'], [
    { group: ['**/db/**', '**/index/**', '**/services/**', '**/http/**', '**/cli/**'], message: 'contract is shared with the web app: zod only' },
  ]),
);
