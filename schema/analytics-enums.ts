/** Enumerations of the analysts' aggregations: grouping dimensions per record kind, measures, statistics and period types. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

const DIMENSION_DESCRIPTIONS = {
  ORGANIZATION: { description: '组织机构: the organization of the record.' },
  ORGANIZATION_LEVEL: { description: '机构层级: the level of the organization in the hierarchy (town, department, village…), from the office store.' },
  YEAR: { description: '年度: the calendar year.' },
  QUARTER: { description: '季度: the quarter (1–4); null for annual figures.' },
  MONTH: { description: '月份: the month (1–12); null for annual figures.' },
} as const;

export enum ThreePublicExpenseDimension {
  ORGANIZATION = 'ORGANIZATION',
  ORGANIZATION_LEVEL = 'ORGANIZATION_LEVEL',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  EXPENSE_ITEM = 'EXPENSE_ITEM',
  BUDGET_PHASE = 'BUDGET_PHASE',
  PERIOD_TYPE = 'PERIOD_TYPE',
}
registerEnumType(ThreePublicExpenseDimension, {
  name: 'ThreePublicExpenseDimension',
  description: 'What 三公 expense lines can be grouped by.',
  valuesConfig: {
    ...DIMENSION_DESCRIPTIONS,
    EXPENSE_ITEM: { description: '三公项目: the item (travel abroad, vehicle purchase, vehicle running, reception).' },
    BUDGET_PHASE: { description: '预算/决算: budget or final accounts.' },
    PERIOD_TYPE: { description: '期间类型: monthly lines or annual lines.' },
  },
});

export enum FundAllocationDimension {
  ORGANIZATION = 'ORGANIZATION',
  RECIPIENT_ORGANIZATION = 'RECIPIENT_ORGANIZATION',
  ORGANIZATION_LEVEL = 'ORGANIZATION_LEVEL',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(FundAllocationDimension, {
  name: 'FundAllocationDimension',
  description: 'What fund allocations (下拨资金) can be grouped by; the organization is the payer (拨款单位).',
  valuesConfig: { ...DIMENSION_DESCRIPTIONS, RECIPIENT_ORGANIZATION: { description: '收款单位: the receiving organization (null for a project).' } },
});

export enum ProcurementDimension {
  ORGANIZATION = 'ORGANIZATION',
  ORGANIZATION_LEVEL = 'ORGANIZATION_LEVEL',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  PROCUREMENT_METHOD = 'PROCUREMENT_METHOD',
  SUPPLIER = 'SUPPLIER',
}
registerEnumType(ProcurementDimension, {
  name: 'ProcurementDimension',
  description: 'What procurements (政府采购) can be grouped by; the organization is the buyer (采购人), dates are the release date.',
  valuesConfig: {
    ...DIMENSION_DESCRIPTIONS,
    PROCUREMENT_METHOD: { description: '采购方式: the OCDS procurement method.' },
    SUPPLIER: { description: '供应商: the supplier of an active award; an award naming several suppliers counts once for each, with its full value.' },
  },
});

export enum AppointmentDimension {
  ORGANIZATION = 'ORGANIZATION',
  ORGANIZATION_LEVEL = 'ORGANIZATION_LEVEL',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  ACTION = 'ACTION',
}
registerEnumType(AppointmentDimension, {
  name: 'AppointmentDimension',
  description: 'What appointments and dismissals (人事任免) can be grouped by; the organization is the one that decided, dates are the effective date.',
  valuesConfig: { ...DIMENSION_DESCRIPTIONS, ACTION: { description: '任职/免职: appointment or dismissal.' } },
});

export enum CatalogItemDimension {
  ORGANIZATION = 'ORGANIZATION',
  ORGANIZATION_LEVEL = 'ORGANIZATION_LEVEL',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  CATEGORY = 'CATEGORY',
  KIND = 'KIND',
}
registerEnumType(CatalogItemDimension, {
  name: 'CatalogItemDimension',
  description: 'What catalog items (公开目录条目) of every store can be grouped by; dates are the publication time in China Standard Time.',
  valuesConfig: {
    ...DIMENSION_DESCRIPTIONS,
    CATEGORY: { description: '公开目录类别: the catalog category.' },
    KIND: { description: '信息类型: the kind of record.' },
  },
});

export enum PeriodType {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(PeriodType, {
  name: 'PeriodType',
  description: 'Whether a 三公 line covers a month or a whole year.',
  valuesConfig: { MONTHLY: { description: '月度: a month.' }, ANNUAL: { description: '年度: the whole year (an annual statement already contains its months).' } },
});

export enum AggregateMeasure {
  AMOUNT = 'AMOUNT',
  GROUPS = 'GROUPS',
  TRAVELLERS = 'TRAVELLERS',
  VEHICLES_PURCHASED = 'VEHICLES_PURCHASED',
  VEHICLES_HELD = 'VEHICLES_HELD',
  RECEPTIONS = 'RECEPTIONS',
  GUESTS = 'GUESTS',
  TENDER_VALUE = 'TENDER_VALUE',
  AWARD_VALUE = 'AWARD_VALUE',
  TENDERERS = 'TENDERERS',
}
registerEnumType(AggregateMeasure, {
  name: 'AggregateMeasure',
  description: 'A measure to order groups by; each kind has only some of them (another is BAD_USER_INPUT).',
  valuesConfig: {
    AMOUNT: { description: '金额 amount (三公 expenses, allocations).' },
    GROUPS: { description: '团组数 groups abroad (三公).' },
    TRAVELLERS: { description: '人数 travellers abroad (三公).' },
    VEHICLES_PURCHASED: { description: '购置数 vehicles purchased (三公).' },
    VEHICLES_HELD: { description: '保有量 vehicles held (三公).' },
    RECEPTIONS: { description: '接待批次 receptions (三公).' },
    GUESTS: { description: '接待人数 guests (三公).' },
    TENDER_VALUE: { description: '预算金额 tender value (procurement).' },
    AWARD_VALUE: { description: '中标金额 value of active awards (procurement).' },
    TENDERERS: { description: '投标人数 number of tenderers (procurement).' },
  },
});

export enum AggregateOrderBy {
  KEY = 'KEY',
  COUNT = 'COUNT',
  SUM = 'SUM',
  AVERAGE = 'AVERAGE',
  MIN = 'MIN',
  MAX = 'MAX',
}
registerEnumType(AggregateOrderBy, {
  name: 'AggregateOrderBy',
  description: 'What groups are ordered by: their key (the grouped dimensions, in order), the number of records, or a statistic of `measure`.',
  valuesConfig: {
    KEY: { description: '分组键: the key values, dimension by dimension (nulls first).' },
    COUNT: { description: '记录数: the number of records.' },
    SUM: { description: '合计: the sum of the measure.' },
    AVERAGE: { description: '平均: the average of the measure.' },
    MIN: { description: '最小: the smallest value of the measure.' },
    MAX: { description: '最大: the largest value of the measure.' },
  },
});

export enum YearOverYearDimension {
  ORGANIZATION = 'ORGANIZATION',
  EXPENSE_ITEM = 'EXPENSE_ITEM',
}
registerEnumType(YearOverYearDimension, {
  name: 'YearOverYearDimension',
  description: 'What a year-over-year comparison of 三公 figures is broken down by.',
  valuesConfig: { ORGANIZATION: { description: '组织机构: per organization.' }, EXPENSE_ITEM: { description: '三公项目: per item.' } },
});
