/**
 * The export routes (下载): any list or aggregation query as CSV or NDJSON
 * (`POST /exports`), and whole record datasets streamed from a store cursor
 * (`GET /exports/<dataset>`). Both run under the caller's principal
 * (`res.locals.principal`, set by the authentication middleware mounted
 * before them) and its cost budget, read only published records, and refuse
 * rather than send a file that lacks a store. Public callers may export at
 * most PUBLIC_EXPORT_MAX_ROWS records of a dataset.
 */
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError, execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AnalyticsFilter } from '../../datasources/analytics/analytics-request.js';
import { countRecords, openRecordRows, RECORD_DATASETS, type RecordDatasetName } from '../../datasources/analytics/record-export.js';
import { SourceUnavailableError } from '../../datasources/errors.js';
import type { Stores } from '../../datasources/index.js';
import type { Principal } from '../../datasources/principal.js';
import { organizationScope } from '../../resolvers/disclosure-filter.js';
import { createContext } from '../context.js';
import { createErrorFormatter, requestScope } from '../errors.js';
import type { Logger } from '../logger.js';
import { EXPORT_FORMATS, streamExport, type ExportFormat } from './exports-format.js';
import { ExportRefusal, prepareGraphQLExport, type GraphQLExportRequest } from './exports-graphql.js';
import { operationDepth } from './query-depth.js';
import { complexityBudget, COST_ESTIMATORS, operationComplexity, type QueryLimits } from './query-limits.js';
import { requestIdOf } from './request-id.js';

/** Most rows a public caller may export from a record dataset; authenticated roles have no cap. */
export const PUBLIC_EXPORT_MAX_ROWS = 10_000;

export interface ExportRoutesOptions {
  stores: Stores;
  schema: GraphQLSchema;
  logger: Logger;
  limits: QueryLimits;
  bodyLimitBytes?: number;
}

function principalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

function refuse(res: Response, refusal: ExportRefusal): void {
  res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }] });
}

function formatOf(value: unknown): ExportFormat {
  const format = typeof value === 'string' ? value.toLowerCase() : 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ExportRefusal(400, 'BAD_USER_INPUT', `Unknown export format ${JSON.stringify(value)}; use csv or ndjson.`, { argumentName: 'format' });
  return format as ExportFormat;
}

function integerParam(query: Request['query'], name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,4}$/u.test(raw)) throw new ExportRefusal(400, 'BAD_USER_INPUT', `\`${name}\` must be a year like 2015.`, { argumentName: name });
  return Number(raw);
}

function listParam<T extends string>(query: Request['query'], name: string, allowed: readonly T[]): T[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).filter((v) => v.length > 0);
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) throw new ExportRefusal(400, 'BAD_USER_INPUT', `\`${name}\` accepts ${allowed.join(', ')}; got ${JSON.stringify(value)}.`, { argumentName: name });
  }
  return values as T[];
}

function dayParam(query: Request['query'], name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new ExportRefusal(400, 'BAD_USER_INPUT', `\`${name}\` must be a date that exists, written YYYY-MM-DD.`, { argumentName: name });
  }
  return text;
}

/** Express routes for exports; mount after the authentication middleware. */
export function exportRoutes(options: ExportRoutesOptions): Router {
  const { stores, schema, logger, limits } = options;
  const formatError = createErrorFormatter(logger);
  const router = express.Router();

  router.post('/exports', express.json({ limit: options.bodyLimitBytes ?? 1_048_576 }), (req, res, next) => {
    requestScope.run({ requestId: requestIdOf(res) }, () => {
      exportQuery(req, res).catch(next);
    });
  });

  router.get('/exports/:dataset', (req, res, next) => {
    requestScope.run({ requestId: requestIdOf(res) }, () => {
      exportDataset(req, res).catch(next);
    });
  });

  async function exportQuery(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    const now = new Date();
    const body = (req.body ?? {}) as GraphQLExportRequest & { format?: unknown };
    try {
      const format = formatOf(req.query.format ?? body.format);
      const check = (document: DocumentNode) => {
        const depth = operationDepth(document, body.operationName);
        if (depth > limits.maxDepth) throw new ExportRefusal(400, 'QUERY_TOO_DEEP', `Query is ${depth} levels deep; the limit is ${limits.maxDepth}.`, { limit: limits.maxDepth, actual: depth });
        const cost = operationComplexity({ schema, query: document, variables: body.variables ?? {}, operationName: body.operationName ?? undefined, estimators: COST_ESTIMATORS });
        const budget = complexityBudget(limits, principal?.role ?? 'public');
        if (cost > budget) throw new ExportRefusal(400, 'QUERY_TOO_COMPLEX', `Query cost is ${cost}; the limit for the ${principal?.role ?? 'public'} role is ${budget}.`, { cost, limit: budget });
      };
      const prepared = await prepareGraphQLExport(
        schema,
        body,
        async (document, variables) => {
          // A fresh context per page: the loaders' caches hold one page at a time.
          const context = createContext(stores, { requestId: requestIdOf(res), now, ...(principal ? { principal } : {}) });
          const result = await execute({ schema, document, variableValues: variables, contextValue: context, operationName: body.operationName ?? undefined });
          const incomplete = context.partial.format(formatError).map((e) => new GraphQLError(e.message, { extensions: e.extensions ?? {} }));
          return { result, incomplete };
        },
        check,
      );
      await streamExport(res, format, 'export', prepared.columns, prepared.rows);
    } catch (error) {
      if (error instanceof ExportRefusal && !res.headersSent) return refuse(res, error);
      throw error;
    }
  }

  async function exportDataset(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    const name = String(req.params.dataset) as RecordDatasetName;
    try {
      if (!Object.hasOwn(RECORD_DATASETS, name)) {
        throw new ExportRefusal(404, 'NOT_FOUND', `No dataset ${JSON.stringify(name)}; datasets: ${Object.keys(RECORD_DATASETS).join(', ')}.`);
      }
      const format = formatOf(req.query.format);
      const now = new Date();
      const filter: AnalyticsFilter = {};
      const yearFrom = integerParam(req.query, 'yearFrom');
      const yearTo = integerParam(req.query, 'yearTo');
      if (yearFrom !== undefined) filter.yearFrom = yearFrom;
      if (yearTo !== undefined) filter.yearTo = yearTo;
      const dateFrom = dayParam(req.query, 'dateFrom');
      const dateTo = dayParam(req.query, 'dateTo');
      if (dateFrom !== undefined) filter.dateFrom = dateFrom;
      if (dateTo !== undefined) filter.dateTo = dateTo;
      if (name === 'three-public-expenses') {
        const phases = listParam(req.query, 'phases', ['BUDGET', 'FINAL'] as const);
        const items = listParam(req.query, 'items', ['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION'] as const);
        if (phases) filter.phases = phases;
        if (items) filter.items = items;
      }
      if (typeof req.query.organizationId === 'string') {
        const context = createContext(stores, { requestId: requestIdOf(res), now, ...(principal ? { principal } : {}) });
        try {
          const scope = await organizationScope(req.query.organizationId, req.query.includeSubOrganizations === 'true', context, 'organizationId');
          if (scope.unavailable.length > 0) throw scope.unavailable[0]!;
          filter.organizationIds = scope.ids;
        } catch (error) {
          if (error instanceof GraphQLError) throw new ExportRefusal(400, 'BAD_USER_INPUT', error.message, { argumentName: 'organizationId' });
          throw error;
        }
      }
      if ((principal?.role ?? 'public') === 'public') {
        const rows = await countRecords(stores, name, filter, now);
        if (rows > PUBLIC_EXPORT_MAX_ROWS) {
          throw new ExportRefusal(400, 'QUERY_TOO_COMPLEX', `The export has ${rows} rows; without a credential at most ${PUBLIC_EXPORT_MAX_ROWS} may be exported. Narrow the filter or authenticate.`, {
            cost: rows,
            limit: PUBLIC_EXPORT_MAX_ROWS,
          });
        }
      }
      const opened = await openRecordRows(stores, name, filter, now);
      const dataset = RECORD_DATASETS[name];
      try {
        await streamExport(res, format, name, dataset.columns.map(({ name: column, chinese }) => ({ name: column, chinese })), opened.rows);
      } finally {
        await opened.close().catch(() => undefined);
      }
    } catch (error) {
      if (res.headersSent) throw error;
      if (error instanceof ExportRefusal) return refuse(res, error);
      if (error instanceof SourceUnavailableError) {
        logger.warn({ requestId: requestIdOf(res), source: error.source, err: error }, 'export refused: store unavailable');
        return refuse(res, new ExportRefusal(503, 'SOURCE_UNAVAILABLE', `The ${error.source} store did not answer; nothing was exported.`, { source: error.source }));
      }
      throw error;
    }
  }

  return router;
}
