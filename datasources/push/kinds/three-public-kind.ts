/**
 * The 三公 statement kind: one pushed record is one statement (an
 * organization's budget or final figures for a month or a year) with its
 * expense items; published as a `threePublicStatements` document and one
 * `threePublicExpenses` document per item.
 */
import type { Decimal128 } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { EXPENSES, STATEMENTS } from '../../finance/finance-store.js';
import type { BudgetPhase, ThreePublicItem } from '../../finance/finance-records.js';
import { catalogEntryOf } from '../catalog-projection.js';
import { FieldChecker } from '../field-checks.js';
import type { RecordKind, Validated } from '../record-kind.js';
import { channels, organizationId, title } from './common-fields.js';

const PHASES: readonly BudgetPhase[] = ['BUDGET', 'FINAL'];
const ITEMS: readonly ThreePublicItem[] = ['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION'];
const ITEM_NAMES: Record<ThreePublicItem, string> = {
  OVERSEAS_TRAVEL: '因公出国(境)费',
  VEHICLE_PURCHASE: '公务用车购置费',
  VEHICLE_OPERATION: '公务用车运行维护费',
  OFFICIAL_RECEPTION: '公务接待费',
};
const COUNTS = ['groups', 'travellers', 'vehiclesPurchased', 'vehiclesHeld', 'receptions', 'guests'] as const;

interface ItemContent {
  item: ThreePublicItem;
  amount: Decimal128;
  groups: number | null;
  travellers: number | null;
  vehiclesPurchased: number | null;
  vehiclesHeld: number | null;
  receptions: number | null;
  guests: number | null;
}

/** A 三公 statement as pushed and stored (amounts in 元, Decimal128). */
export interface ThreePublicContent {
  [key: string]: unknown;
  organizationId: string;
  phase: BudgetPhase;
  year: number;
  month: number | null;
  title: string;
  channels: ChannelCode[];
  items: ItemContent[];
}

function defaultTitle(year: number | null, month: number | null, phase: BudgetPhase | null): string {
  const period = month === null ? `${year}年度` : `${year}年${month}月`;
  return `${period}“三公”经费${phase === 'BUDGET' ? '预算' : '支出'}情况公开`;
}

/** The 三公 statement kind (finance store). */
export const threePublicStatementKind: RecordKind<ThreePublicContent> = {
  name: 'ThreePublicExpenseStatement',
  store: 'finance',
  idPrefix: 'tpe',

  validate(fields): Validated<ThreePublicContent> {
    const check = new FieldChecker(fields);
    const organization = organizationId(check, 'organizationId');
    const phase = check.oneOf('phase', PHASES);
    const year = check.integer('year', { min: 1990, max: 2100 });
    const month = check.integer('month', { optional: true, min: 1, max: 12 });
    const heading = title(check, () => defaultTitle(year, month, phase));
    const published = channels(check);
    const seen = new Set<string>();
    const items = (check.list('items', { min: 1, max: ITEMS.length }) ?? []).map((line) => {
      const item = line.oneOf('item', ITEMS);
      if (item !== null && seen.has(item)) line.fail('item', `${item} appears twice in the statement`);
      if (item !== null) seen.add(item);
      const counts = Object.fromEntries(COUNTS.map((name) => [name, line.integer(name, { optional: true, min: 0, max: 1_000_000 })]));
      return { item, amount: line.amount('amount'), ...counts } as ItemContent;
    });
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return { ok: true, content: { organizationId: organization!, phase: phase!, year: year!, month, title: heading!, channels: published!, items } };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: org, phase, year, month } = content;
    const lines = [...content.items].sort((a, b) => ITEMS.indexOf(a.item) - ITEMS.indexOf(b.item));
    const text = lines.map((line) => `${ITEM_NAMES[line.item]}${line.amount.toString()}元`).join('；');
    return {
      documents: [
        { collection: STATEMENTS, document: { _id: recordId, organizationId: org, phase, year, month } },
        ...lines.map((line) => ({
          collection: EXPENSES,
          document: { _id: `${recordId}-${line.item.toLowerCase().replace('_', '-')}`, statementId: recordId, organizationId: org, phase, year, month, ...line },
        })),
      ],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'ThreePublicExpenseStatement',
        title: content.title,
        category: 'FISCAL_FUNDS',
        organizationId: org,
        publishedAt,
        year,
        channels: content.channels,
        text: `${content.title}：${text}。`,
      }),
    };
  },

  retract: (recordId) => [
    { collection: STATEMENTS, filter: { _id: recordId } },
    { collection: EXPENSES, filter: { statementId: recordId } },
  ],
};
