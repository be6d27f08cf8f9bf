/**
 * Refuses operations that are too deep or too expensive before any store is
 * asked. The cost budget depends on the caller's role: the public portal gets
 * `maxComplexity`, authenticated roles (analysts above all) a larger one.
 * Cost counts page sizes (a list costs its page times its items) and the
 * documents an analytical field is estimated to read in the stores. Runs as an Apollo plugin after validation (Apollo rewrites the code
 * of validation-rule errors to GRAPHQL_VALIDATION_FAILED; here the refusal
 * keeps its own stable code: QUERY_TOO_DEEP or QUERY_TOO_COMPLEX, HTTP 400).
 */
import type { ApolloServerPlugin } from '@apollo/server';
// graphql ships a CommonJS build (index.js, which Apollo and type-graphql load)
// and an ESM build (index.mjs); their classes fail each other's instanceof
// checks. graphql-query-complexity's ESM build ends up on the ESM copy, so it
// is loaded through `require`, which gives the CommonJS build of both.
import { createRequire } from 'node:module';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity/cjs';
import { operationDepth } from './query-depth.js';
import type { Role } from '../../datasources/principal.js';
import { ESTIMATED_DOCUMENTS } from '../../schema/analytics-cost.js';

const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

export interface QueryLimits {
  maxDepth: number;
  /** The public budget (no credential). */
  maxComplexity: number;
  /** Budgets of other roles; by default `maxComplexity` times AUTHENTICATED_BUDGET_FACTOR. */
  roleBudgets?: Partial<Record<Role, number>>;
}

/** How many times the public budget an authenticated caller gets by default. */
export const AUTHENTICATED_BUDGET_FACTOR = 20;

/** The cost budget of `role` under `limits`. */
export function complexityBudget(limits: QueryLimits, role: Role): number {
  if (role === 'public') return limits.roleBudgets?.public ?? limits.maxComplexity;
  return limits.roleBudgets?.[role] ?? limits.maxComplexity * AUTHENTICATED_BUDGET_FACTOR;
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

/**
 * An analytical field costs the documents it is estimated to read in the
 * stores (its `estimatedDocuments` extension) plus its groups: the page of
 * groups it returns times their items.
 */
const estimatedDocumentsEstimator: QueryComplexity.ComplexityEstimator = ({ field, args, childComplexity }) => {
  const documents = field.extensions?.[ESTIMATED_DOCUMENTS];
  if (typeof documents !== 'number') return undefined;
  const page = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  return documents + childComplexity * page;
};

/** The estimators of the cost, in the order they are asked. */
export const COST_ESTIMATORS = [estimatedDocumentsEstimator, pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

/** The cost the limit compares against; exported for tests and for documenting limits. */
export function operationComplexity(options: Parameters<typeof getComplexity>[0]): number {
  return getComplexity(options);
}

/** Depth and cost of one operation with its variables; a cost that cannot be counted is infinite, a variable that does not fit its type is BAD_USER_INPUT. */
function measureOperation(request: { document: DocumentNode; operationName: string | null | undefined; variables: Record<string, unknown>; schema: GraphQLSchema }, maxDepth: number): Measures {
  const depth = operationDepth(request.document, request.operationName ?? null);
  // Too deep is refused before the cost is walked.
  if (depth > maxDepth) return { depth, complexity: 0 };
  try {
    const complexity = operationComplexity({
      schema: request.schema,
      query: request.document,
      variables: request.variables,
      operationName: request.operationName ?? undefined,
      estimators: COST_ESTIMATORS,
    });
    return { depth, complexity };
  } catch (error) {
    // The estimator coerces the variables before Apollo does; a value that does not fit its type is the client's mistake.
    if (error instanceof Error && /^Variable "\$/.test(error.message)) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    // graphql-query-complexity refuses to walk more than 10,000 nodes: that is too complex too.
    if (!(error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))) throw error;
    return { depth, complexity: Number.POSITIVE_INFINITY };
  }
}

interface Measures {
  depth: number;
  complexity: number;
}

// Measures kept per parsed document: one per operation name and variables, the latest ones.
const MEASURES_PER_DOCUMENT = 64;

/** An Apollo plugin that enforces `limits` on every operation. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  // Apollo hands the same parsed document to every request with the same text (its document cache), so each operation and variables is measured once.
  const measured = new WeakMap<DocumentNode, Map<string, Measures>>();
  const measuresOf = (request: Parameters<typeof measureOperation>[0]): Measures => {
    const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables)}`;
    let known = measured.get(request.document);
    const cached = known?.get(key);
    if (cached) return cached;
    const fresh = measureOperation(request, limits.maxDepth);
    if (!known) measured.set(request.document, (known = new Map()));
    if (known.size >= MEASURES_PER_DOCUMENT) known.clear();
    known.set(key, fresh);
    return fresh;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, operationName, contextValue }) {
          const { depth, complexity } = measuresOf({ document, operationName, variables: request.variables ?? {}, schema });
          if (depth > limits.maxDepth) {
            throw limitError('QUERY_TOO_DEEP', `Query is ${depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested fields.`, limits.maxDepth, depth);
          }
          const role = (contextValue as { principal?: { role?: Role } } | undefined)?.principal?.role ?? 'public';
          const budget = complexityBudget(limits, role);
          if (complexity > budget) {
            const shown = Number.isFinite(complexity) ? String(complexity) : 'too many fields to count';
            throw limitError(
              'QUERY_TOO_COMPLEX',
              `Query cost is ${shown}; the limit for the ${role} role is ${budget}. Ask for smaller pages, fewer groups or fewer nested lists${role === 'public' ? ', or authenticate for a larger budget' : ''}.`,
              budget,
              complexity,
              role,
            );
          }
        },
      };
    },
  };
}

function limitError(code: string, message: string, limit: number, actual: number, role?: Role): GraphQLError {
  // `cost` and `actual` carry the same figure: `actual` for the depth and older clients, `cost` as analysts' tools read it.
  const measured = Number.isFinite(actual) ? { actual, ...(code === 'QUERY_TOO_COMPLEX' ? { cost: actual } : {}) } : {};
  return new GraphQLError(message, {
    extensions: { code, limit, ...measured, ...(role ? { role } : {}), http: { status: 400 } },
  });
}
