/**
 * GET /annual-reports/:organizationId/:year.html and .md — the annual
 * report as a page or Markdown download, public like the report itself
 * (it holds counts and tracking numbers only, never an applicant).
 * `?catalogThrough=YYYY-MM-DD` limits the catalog counts as in GraphQL.
 */
import { Router, type Request, type Response } from 'express';
import { SourceUnavailableError, type Stores } from '../../datasources/index.js';
import { ReportError } from '../../datasources/annual-report/report-error.js';
import { isLocalDate } from '../../datasources/calendar/local-date.js';
import type { Logger } from '../logger.js';
import { renderHtml, renderMarkdown } from './annual-report-render.js';

export const ANNUAL_REPORTS_PATH = '/annual-reports';

function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** The download routes; mount with `app.use(annualReportRoutes(stores, logger))`. */
export function annualReportRoutes(stores: Pick<Stores, 'annualReports'>, logger: Logger): Router {
  const router = Router();
  router.get(`${ANNUAL_REPORTS_PATH}/:organizationId/:file`, async (req: Request<{ organizationId: string; file: string }>, res: Response, next) => {
    const match = /^(\d{4})\.(html|md)$/u.exec(req.params.file);
    if (!match) {
      sendError(res, 404, 'NOT_FOUND', 'Annual reports are at /annual-reports/<organization id>/<year>.html or .md');
      return;
    }
    const through = req.query.catalogThrough;
    if (through !== undefined && (typeof through !== 'string' || !isLocalDate(through))) {
      sendError(res, 400, 'BAD_USER_INPUT', 'catalogThrough must be a date YYYY-MM-DD', { argumentName: 'catalogThrough' });
      return;
    }
    try {
      const report = await stores.annualReports.build(req.params.organizationId, Number(match[1]), new Date(), through);
      const markdown = match[2] === 'md';
      const name = `annual-report-${req.params.organizationId}-${match[1]}.${match[2]}`;
      res.setHeader('content-type', markdown ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8');
      res.setHeader('content-disposition', `${markdown ? 'attachment' : 'inline'}; filename="${name.replace(/[^\x20-\x7e]|"/gu, '_')}"`);
      // The page has no scripts; nothing it links may run.
      if (!markdown) res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.send(markdown ? renderMarkdown(report) : renderHtml(report));
    } catch (error) {
      if (error instanceof ReportError) {
        sendError(res, error.code === 'BAD_USER_INPUT' ? (error.argumentName === 'organizationId' ? 404 : 400) : 409, error.code === 'BAD_USER_INPUT' && error.argumentName === 'organizationId' ? 'NOT_FOUND' : error.code, error.message, error.argumentName ? { argumentName: error.argumentName } : {});
        return;
      }
      if (error instanceof SourceUnavailableError) {
        logger.warn({ err: error, source: error.source }, 'annual report: a store did not answer');
        sendError(res, 503, 'SOURCE_UNAVAILABLE', `The ${error.source} store did not answer in time or could not be reached.`, { source: error.source });
        return;
      }
      next(error);
    }
  });
  return router;
}
