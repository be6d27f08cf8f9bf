// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** Layers, from the outside in. A layer may import only the layers after it. */
const layering = [
  // Data sources never import GraphQL, resolvers or schema.
  { target: './datasources', from: ['./resolvers', './schema', './src/server', './src/http'], message: 'Data sources must not depend on the GraphQL layer.' },
  // Resolvers never touch the driver: they call data sources and loaders.
  { target: './resolvers', from: ['./src/embedded-mongo'], message: 'Resolvers must not reach the store.' },
  { target: './schema', from: ['./datasources', './src/embedded-mongo'], message: 'Schema types must not reach the store.' },
  // The embedded server is a separate program: nothing of the gateway inside it.
  { target: './src/embedded-mongo', from: ['./resolvers', './schema', './datasources'], message: 'The embedded server knows nothing of the gateway.' },
  // Production code never imports tests or the benchmark.
  { target: ['./src', './schema', './resolvers', './datasources'], from: ['./tests', './bench'], message: 'Production code must not import tests or bench.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'tests/generated/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layering }],
      // Resolvers never touch the driver.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['resolvers/**/*.ts', 'schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'mongodb', message: 'Resolvers and schema types never touch the driver; go through datasources/.' }] }],
    },
  },
  {
    files: ['datasources/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['graphql', 'graphql/*', 'type-graphql', '@apollo/*', 'graphql-scalars'], message: 'Data sources never import GraphQL.' }] }],
    },
  },
);
