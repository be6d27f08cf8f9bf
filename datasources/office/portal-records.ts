/** Items of the portal's columns (门户网站栏目): work news, notices and photo news. */

/** The portal columns, named as the catalog categories they are listed under. */
export const PORTAL_COLUMNS = ['WORK_NEWS', 'NOTICES', 'PHOTO_NEWS'] as const;
export type PortalColumnCode = (typeof PORTAL_COLUMNS)[number];

/** An image of an item, as the portal serves it. */
export interface PortalImage {
  url: string;
  caption: string;
  width: number;
  height: number;
}

/** One item of a portal column. */
export interface PortalArticleRecord {
  id: string;
  column: PortalColumnCode;
  /** Short text for the list page. */
  summary: string;
  body: string;
  images: PortalImage[];
  /** Day the reported event took place, when it is not the publication day. */
  eventOn: string | null;
  /** 来源, e.g. 内厝镇党政办. */
  source: string;
}
