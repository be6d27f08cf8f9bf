/**
 * Refuses operations that are too deep or too expensive before any store is
 * asked. Runs as an Apollo plugin after validation (Apollo rewrites the code
 * of validation-rule errors to GRAPHQL_VALIDATION_FAILED; here the refusal
 * keeps its own stable code: QUERY_TOO_DEEP or QUERY_TOO_COMPLEX, HTTP 400).
 */
import type { ApolloServerPlugin } from '@apollo/server';
// graphql ships a CommonJS build (index.js, which Apollo and type-graphql load)
// and an ESM build (index.mjs); their classes fail each other's instanceof
// checks. graphql-query-complexity's ESM build ends up on the ESM copy, so it
// is loaded through `require`, which gives the CommonJS build of both.
import { createRequire } from 'node:module';
import { GraphQLError } from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity/cjs';
import { operationDepth } from './query-depth.js';

const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * A list field's cost is its items' cost times the page it asks for
 * (`first`, `last` or `limit`, defaults applied), so nested connections
 * multiply as their result sizes do.
 */
const pageSizeEstimator: QueryComplexity.ComplexityEstimator = ({ args, childComplexity }) => {
  const page = [args.first, args.last, args.limit].find((value): value is number => typeof value === 'number' && value > 0);
  return page === undefined ? undefined : 1 + childComplexity * page;
};

/** The cost the limit compares against; exported for tests and for documenting limits. */
export function operationComplexity(options: Parameters<typeof getComplexity>[0]): number {
  return getComplexity(options);
}

/** An Apollo plugin that enforces `limits` on every operation. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, operationName }) {
          const depth = operationDepth(document, operationName);
          if (depth > limits.maxDepth) {
            throw limitError('QUERY_TOO_DEEP', `Query is ${depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested fields.`, limits.maxDepth, depth);
          }
          let complexity: number;
          try {
            complexity = operationComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // graphql-query-complexity refuses to walk more than 10,000 nodes: that is too complex too.
            if (!(error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))) throw error;
            complexity = Number.POSITIVE_INFINITY;
          }
          if (complexity > limits.maxComplexity) {
            const shown = Number.isFinite(complexity) ? String(complexity) : 'too many fields to count';
            throw limitError('QUERY_TOO_COMPLEX', `Query cost is ${shown}; the limit is ${limits.maxComplexity}. Ask for smaller pages or fewer nested lists.`, limits.maxComplexity, complexity);
          }
        },
      };
    },
  };
}

function limitError(code: string, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...(Number.isFinite(actual) ? { actual } : {}), http: { status: 400 } },
  });
}
