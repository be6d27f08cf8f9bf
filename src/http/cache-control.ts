/**
 * HTTP caching of public reads: a query sent with GET by the public and
 * answered without errors says `Cache-Control: public, max-age=N,
 * must-revalidate` (N is 0 by default: a browser or CDN may keep the answer
 * but asks again with its ETag, and express answers 304 while the body is
 * unchanged, so a withdrawn record is never served from an HTTP cache).
 * Everything a caller with credentials receives says `private, no-store`,
 * and so does an answer to an operation that selects a private field (the
 * applicant's view of an application), whoever asked.
 * POST answers and answers with errors say `no-store` (as Apollo's own
 * cache-control plugin would; the gateway mounts this plugin in its place).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';

export interface PublicCacheControlOptions<TContext extends BaseContext> {
  /** Whether the request's caller is the public (e.g. `context.principal.role === 'public'`). */
  isPublic(context: TContext): boolean;
  /** How long HTTP caches may serve a public answer without asking again (default 0). */
  maxAgeSeconds?: number;
  /** Whether an operation's answers are private (never shared); by default none are. */
  isPrivate?: (document: DocumentNode) => boolean;
}

/**
 * The Apollo plugin that sets Cache-Control (and Vary) as described above;
 * register it after any plugin that adds errors in `willSendResponse`, so
 * that an answer with errors is never marked public.
 */
export function publicCacheControlPlugin<TContext extends BaseContext>(options: PublicCacheControlOptions<TContext>): ApolloServerPlugin<TContext> {
  const maxAge = options.maxAgeSeconds ?? 0;
  const isPrivate = options.isPrivate ?? (() => false);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue, operation, document }) {
          const headers = response.http.headers;
          if (!options.isPublic(contextValue) || (document !== undefined && isPrivate(document))) {
            headers.set('cache-control', 'private, no-store');
            return;
          }
          const clean = response.body.kind === 'single' && response.body.singleResult.errors === undefined;
          if (request.http?.method === 'GET' && operation?.operation === 'query' && clean) {
            // Apollo's own cache-control plugin leaves a header it cannot parse alone, so this one stands.
            headers.set('cache-control', `public, max-age=${maxAge}, must-revalidate`);
            headers.set('vary', 'accept, authorization');
          } else if (!headers.has('cache-control')) {
            // What Apollo's cache-control plugin says of an answer without cache hints; the gateway switches that plugin off.
            headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}
