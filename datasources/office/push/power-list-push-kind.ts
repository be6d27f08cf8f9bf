/** Push kind of power lists (PowerList): one pushed record is a whole list with its items, published into `powerLists` and `powerListItems`. */
import type { Decimal128 } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { catalogEntryOf } from '../../push/catalog-projection.js';
import { FieldChecker } from '../../push/field-checks.js';
import { channels, organizationId } from '../../push/kinds/common-fields.js';
import type { RecordKind, Validated } from '../../push/record-kind.js';
import { POWER_KINDS, type PowerKind } from '../power-list-records.js';
import { POWER_LIST_ITEMS, POWER_LISTS } from '../power-list-store.js';
import { chinaYear, flag, rawElements } from './office-push-fields.js';

const LIST_CATEGORIES = ['ADMINISTRATIVE_APPROVAL_LIST', 'PUBLIC_SERVICE_LIST'] as const;

/** One item as pushed and stored (the fee amount in 元 as Decimal128). */
export interface PowerListItemContent {
  kind: PowerKind;
  name: string;
  legalBasis: string;
  handlingOrganizationId: string;
  delegatedFromDistrict: boolean;
  delegatedOn: string | null;
  statutoryTimeLimitDays: number | null;
  promisedTimeLimitDays: number | null;
  fee: { charged: boolean; amount: Decimal128 | null; basis: string | null };
}

/** A list as pushed and stored. */
export interface PowerListContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  category: (typeof LIST_CATEGORIES)[number];
  body: string;
  items: PowerListItemContent[];
  channels: ChannelCode[];
}

/** The power list kind: items are owned by their list (an update rewrites them; withdrawal removes them). */
export const powerListKind: RecordKind<PowerListContent> = {
  name: 'PowerList',
  store: 'office',
  idPrefix: 'plist',

  validate(fields): Validated<PowerListContent> {
    const check = new FieldChecker(fields);
    const owner = organizationId(check, 'organizationId');
    const heading = check.string('title', { maxLength: 200 });
    const category = check.oneOf('category', LIST_CATEGORIES);
    const body = check.string('body', { maxLength: 20_000 });
    const raw = rawElements(fields, 'items');
    const items = (check.list('items', { min: 1, max: 2_000 }) ?? []).map((item, i) => {
      const rawItem = raw[i] ?? {};
      const kind = item.oneOf('kind', POWER_KINDS);
      const delegated = flag(item, rawItem, 'delegatedFromDistrict');
      const delegatedOn = item.day('delegatedOn', { optional: true });
      if (delegated === false && delegatedOn !== null) item.fail('delegatedOn', 'must be absent for an item not delegated from the district');
      const fee = item.object('fee');
      const charged = fee ? flag(fee, (rawItem.fee ?? {}) as Record<string, unknown>, 'charged') : null;
      const amount = fee?.amount('amount', { optional: true }) ?? null;
      if (charged === false && amount !== null) fee!.fail('amount', 'must be absent when no fee is charged');
      return {
        kind,
        name: item.string('name', { maxLength: 200 }),
        legalBasis: item.string('legalBasis', { maxLength: 2_000 }),
        handlingOrganizationId: organizationId(item, 'handlingOrganizationId'),
        delegatedFromDistrict: delegated,
        delegatedOn,
        statutoryTimeLimitDays: item.integer('statutoryTimeLimitDays', { optional: true, min: 0, max: 3_650 }),
        promisedTimeLimitDays: item.integer('promisedTimeLimitDays', { optional: true, min: 0, max: 3_650 }),
        fee: { charged, amount, basis: fee?.string('basis', { optional: true, maxLength: 500 }) ?? null },
      };
    });
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return { ok: true, content: { organizationId: owner!, title: heading!, category: category!, body: body!, items: items as PowerListItemContent[], channels: published! } };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: owner, title: heading, channels: published, category, body, items } = content;
    return {
      documents: [
        { collection: POWER_LISTS, document: { _id: recordId, body } },
        ...items.map((item, i) => ({ collection: POWER_LIST_ITEMS, document: { _id: `${recordId}-${String(i + 1).padStart(4, '0')}`, listId: recordId, sequence: i + 1, ...item } })),
      ],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'PowerList',
        title: heading,
        category,
        organizationId: owner,
        publishedAt,
        year: chinaYear(publishedAt),
        channels: published,
        text: `${body}\n${items.map((item, i) => `${i + 1}. ${item.name}`).join('\n')}`,
      }),
    };
  },

  retract: (recordId) => [
    { collection: POWER_LISTS, filter: { _id: recordId } },
    { collection: POWER_LIST_ITEMS, filter: { listId: recordId } },
  ],
};
