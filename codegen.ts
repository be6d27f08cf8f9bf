/**
 * GraphQL Code Generator: typed documents for the operations in
 * `tests/operations/*.graphql`, checked against the committed schema, written
 * to `tests/generated/` (not committed; `npm test` regenerates it before
 * type-checking, so an operation that no longer fits the schema fails the build).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/operations/*.graphql'],
  // Relative imports with `.js`, as NodeNext module resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    'tests/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Exact values travel as strings (money never as a float); unknown scalars stay unknown.
        defaultScalarType: 'unknown',
        scalars: {
          Decimal: 'string',
          DateTime: 'string',
          DateTimeISO: 'string',
          Date: 'string',
          LocalDate: 'string',
          Cursor: 'string',
        },
      },
    },
  },
};

export default config;
