/**
 * The portal columns of the demo: 工作动态 (28 to November, 1 in December),
 * 通知通告 (8 + 1) and 图片新闻 (9), from the rows of demo-documents.ts,
 * with list summaries, images for photo news and every third work news
 * item, and the event day of each photo.
 */
import type { PortalArticleRecord, PortalImage } from '../office/portal-records.js';
import { addDays, type Publication } from './demo-catalog.js';
import { portalRows, rowPublishedAt } from './demo-documents.js';
import { demoOrganizations } from './demo-organizations.js';

/** The first sentence of a body, for the list page. */
function summaryOf(body: string): string {
  const end = body.indexOf('。');
  return end === -1 ? body : body.slice(0, end + 1);
}

function image(id: string, n: number, caption: string): PortalImage {
  return { url: `/files/portal/${id}-${n}.jpg`, caption, width: 800, height: 533 };
}

/** Portal items and their publications. */
export function demoPortal(): { articles: PortalArticleRecord[]; publications: Publication[] } {
  const names = new Map(demoOrganizations().map((o) => [o.id, o.name]));
  const counters = { WORK_NEWS: 0, NOTICES: 0, PHOTO_NEWS: 0 };
  const articles: PortalArticleRecord[] = [];
  const publications: Publication[] = [];
  for (const [day, column, organizationId, title, body] of portalRows()) {
    const n = ++counters[column];
    const id = `portal-2015-${column.toLowerCase().replace('_', '-')}-${String(n).padStart(2, '0')}`;
    const caption = title.replace(/^图片新闻：/u, '');
    const images =
      column === 'PHOTO_NEWS' ? [image(id, 1, caption), image(id, 2, `${caption}（二）`)] : column === 'WORK_NEWS' && n % 3 === 1 ? [image(id, 1, caption)] : [];
    articles.push({ id, column, summary: summaryOf(body), body, images, eventOn: column === 'PHOTO_NEWS' ? addDays(day, -1) : null, source: names.get(organizationId) ?? organizationId });
    publications.push({ id, kind: 'PortalArticle', title, category: column, organizationId, publishedAt: rowPublishedAt(day), channels: ['TOWN_PORTAL'], text: body });
  }
  return { articles, publications };
}
