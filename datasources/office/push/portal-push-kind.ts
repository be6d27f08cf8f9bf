/** Push kind of portal column items (PortalArticle), published into the office store's `portalArticles`. */
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { catalogEntryOf } from '../../push/catalog-projection.js';
import { FieldChecker } from '../../push/field-checks.js';
import { channels, organizationId } from '../../push/kinds/common-fields.js';
import type { RecordKind, Validated } from '../../push/record-kind.js';
import { PORTAL_ARTICLES } from '../portal-store.js';
import { PORTAL_COLUMNS, type PortalColumnCode, type PortalImage } from '../portal-records.js';
import { chinaYear } from './office-push-fields.js';

/** An item as pushed and stored. */
export interface PortalArticleContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  column: PortalColumnCode;
  summary: string;
  body: string;
  images: PortalImage[];
  eventOn: string | null;
  source: string;
  channels: ChannelCode[];
}

/** The first sentence of a body (the list page's summary when none is pushed). */
function firstSentence(body: string): string {
  const end = body.indexOf('。');
  return end === -1 ? body.slice(0, 120) : body.slice(0, end + 1);
}

/** The portal item kind: photo news needs at least one image. */
export const portalArticleKind: RecordKind<PortalArticleContent> = {
  name: 'PortalArticle',
  store: 'office',
  idPrefix: 'portal',

  validate(fields): Validated<PortalArticleContent> {
    const check = new FieldChecker(fields);
    const owner = organizationId(check, 'organizationId');
    const heading = check.string('title', { maxLength: 200 });
    const column = check.oneOf('column', PORTAL_COLUMNS);
    const body = check.string('body', { maxLength: 200_000 });
    const summary = check.string('summary', { optional: true, maxLength: 300 });
    const imageChecks = check.list('images', { optional: true, max: 50 }) ?? [];
    const images = imageChecks.map((image) => ({
      url: image.string('url', { maxLength: 500 }),
      caption: image.string('caption', { maxLength: 200 }),
      width: image.integer('width', { min: 1, max: 20_000 }),
      height: image.integer('height', { min: 1, max: 20_000 }),
    }));
    if (column === 'PHOTO_NEWS' && imageChecks.length === 0 && !check.issues.some((i) => i.path.startsWith('images'))) check.fail('images', 'must hold at least one image for PHOTO_NEWS');
    const eventOn = check.day('eventOn', { optional: true });
    const source = check.string('source', { optional: true, maxLength: 100 });
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: {
        organizationId: owner!,
        title: heading!,
        column: column!,
        summary: summary ?? firstSentence(body!),
        body: body!,
        images: images as PortalImage[],
        eventOn,
        source: source ?? owner!,
        channels: published!,
      },
    };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: owner, title: heading, channels: published, ...article } = content;
    return {
      documents: [{ collection: PORTAL_ARTICLES, document: { _id: recordId, ...article } }],
      catalogEntry: catalogEntryOf({ recordId, kind: 'PortalArticle', title: heading, category: article.column, organizationId: owner, publishedAt, year: chinaYear(publishedAt), channels: published, text: article.body }),
    };
  },

  retract: (recordId) => [{ collection: PORTAL_ARTICLES, filter: { _id: recordId } }],
};
