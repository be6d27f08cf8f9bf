/**
 * GET /attachments/:id — the bytes of a file attached to a published
 * policy, with its media type, size, SHA-256 ETag and file name. A file
 * whose document is not published (or not yet) is as absent as an unknown
 * one: 404 NOT_FOUND. A store that does not answer gives 503
 * SOURCE_UNAVAILABLE.
 */
import { Router, type Request, type Response } from 'express';
import { SourceUnavailableError, type Stores } from '../../datasources/index.js';
import { PolicyStore } from '../../datasources/office/policy-store.js';
import type { Logger } from '../logger.js';

/** Path prefix of the download route (the GraphQL `Attachment.downloadUrl` points here). */
export const ATTACHMENTS_PATH = '/attachments';

function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** RFC 6266 Content-Disposition for a (Chinese) file name: an ASCII fallback and the UTF-8 name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The download route over the office store; mount with `app.use(attachmentRoutes(stores, logger))`. */
export function attachmentRoutes(stores: Pick<Stores, 'connections' | 'catalogs'>, logger: Logger): Router {
  const router = Router();
  let policies: PolicyStore | undefined;
  router.get(`${ATTACHMENTS_PATH}/:id`, async (req: Request<{ id: string }>, res: Response, next) => {
    try {
      policies ??= new PolicyStore(stores.connections.office);
      const file = await policies.attachmentFile(req.params.id);
      const [entry] = file ? await stores.catalogs.office.byIds([file.policyId]) : [];
      if (!file || !entry || entry.publishedAt > new Date()) {
        sendError(res, 404, 'NOT_FOUND', `No published attachment has the id ${JSON.stringify(req.params.id)}.`);
        return;
      }
      const etag = `"${file.sha256}"`;
      res.setHeader('etag', etag);
      res.setHeader('cache-control', 'public, max-age=3600');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.setHeader('content-type', file.mediaType);
      res.setHeader('content-length', String(file.data.length));
      res.setHeader('content-disposition', contentDisposition(file.name));
      res.status(200).end(file.data);
    } catch (error) {
      if (error instanceof SourceUnavailableError) {
        logger.warn({ requestId: res.locals.requestId, source: error.source }, 'attachment store unavailable');
        sendError(res, 503, 'SOURCE_UNAVAILABLE', 'The office store did not answer; try again later.', { source: error.source });
        return;
      }
      next(error);
    }
  });
  return router;
}
