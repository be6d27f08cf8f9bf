/** Portal columns: the column list (list pages through the catalog, one query each) and each item's column, cover image and neighbours (item pages). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { CatalogFilter, CatalogOrder } from '../datasources/catalog/catalog-query.js';
import { PORTAL_COLUMNS, type PortalColumnCode as ColumnCode, type PortalImage as ImageRecord } from '../datasources/office/portal-records.js';
import type { GatewayContext } from '../src/context.js';
import { DisclosureConnection } from '../schema/connections.type.js';
import { CATEGORY_NAMES, DisclosureCategory } from '../schema/disclosure-category.enum.js';
import { PageArgs } from '../schema/page.args.js';
import { PortalArticle, PortalColumn, PortalColumnCode, PortalImage } from '../schema/portal.types.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import { disclosureConnection } from './disclosure-connection.js';

interface ColumnValue {
  code: ColumnCode;
  name: string;
  category: DisclosureCategory;
}

/** Newest first, as a portal lists its columns. */
const NEWEST_FIRST: CatalogOrder = { field: 'publishedAt', direction: -1 };

function column(code: ColumnCode): ColumnValue {
  return { code, name: CATEGORY_NAMES[code], category: DisclosureCategory[code] };
}

function columnFilter(code: ColumnCode, context: GatewayContext): CatalogFilter {
  return { categories: [code], kinds: ['PortalArticle'], visibleAt: context.now };
}

/** The item next to `article` in its column: the next older or the next newer published one. */
async function neighbour(article: Disclosed<'PortalArticle'>, direction: 'older' | 'newer', context: GatewayContext): Promise<Disclosed | null> {
  const found = await context.loaders.office.portalNeighbours.load({ id: article.id, column: article.column, publishedAt: article.publishedAt, visibleAt: context.now });
  const id = found[direction];
  return id === null ? null : disclosedById('PortalArticle', id, context.loaders);
}

@Resolver(() => PortalColumn)
export class PortalColumnResolver {
  @Query(() => [PortalColumn], { description: 'The portal columns (门户网站栏目): 工作动态, 通知通告, 图片新闻.' })
  portalColumns(): ColumnValue[] {
    return PORTAL_COLUMNS.map(column);
  }

  @Query(() => PortalColumn, { description: 'One portal column; with `articles` it is the column\'s list page in one query.' })
  portalColumn(@Arg('code', () => PortalColumnCode, { description: 'The column.' }) code: PortalColumnCode): ColumnValue {
    return column(code);
  }

  @FieldResolver(() => DisclosureConnection, {
    description: 'The column\'s list page: its items, newest first (nodes are PortalArticle: select `... on PortalArticle { summary images { url } }`); `totalCount` is the number of items published.',
  })
  articles(@Root() value: ColumnValue, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return disclosureConnection(columnFilter(value.code, context), NEWEST_FIRST, page, context, info.path);
  }
}

@Resolver(() => PortalArticle)
export class PortalArticleResolver {
  @FieldResolver(() => PortalColumn, { description: 'The column the item is in (its list page).' })
  column(@Root() article: Disclosed<'PortalArticle'>): ColumnValue {
    return column(article.column);
  }

  @FieldResolver(() => PortalImage, { nullable: true, description: 'The first image, for the list page; null when the item has none.' })
  coverImage(@Root() article: Disclosed<'PortalArticle'>): ImageRecord | null {
    return article.images[0] ?? null;
  }

  @FieldResolver(() => PortalArticle, { nullable: true, description: 'The next newer published item of the same column (上一篇), or null for the newest. Items of a list page share their reads.' })
  newer(@Root() article: Disclosed<'PortalArticle'>, @Ctx() context: GatewayContext): Promise<Disclosed | null> {
    return neighbour(article, 'newer', context);
  }

  @FieldResolver(() => PortalArticle, { nullable: true, description: 'The next older published item of the same column (下一篇), or null for the oldest. Items of a list page share their reads.' })
  older(@Root() article: Disclosed<'PortalArticle'>, @Ctx() context: GatewayContext): Promise<Disclosed | null> {
    return neighbour(article, 'older', context);
  }
}
