/**
 * The procurement kind (政府采购): one pushed record is one OCDS release
 * (tender, awards, contracts) of one contracting process. Published as a
 * `releases` document; the suppliers its awards name are shared documents
 * (`suppliers`), created or updated from the record by id and never removed
 * by a withdrawal. An `ocid` is unique among releases and a credit code
 * among suppliers: a record whose ocid or credit code another release or
 * supplier holds is refused (INVALID_RECORD at its path).
 */
import type { Decimal128 } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import type { ProcurementMethod } from '../../procurement/procurement-records.js';
import { RELEASES, SUPPLIERS } from '../../procurement/procurement-store.js';
import { catalogEntryOf } from '../catalog-projection.js';
import { FieldChecker } from '../field-checks.js';
import type { RecordKind, Validated } from '../record-kind.js';
import { channels, organizationId, referenceId, title } from './common-fields.js';

const METHODS: readonly ProcurementMethod[] = ['open', 'selective', 'limited', 'direct'];
const METHOD_DETAILS: Record<ProcurementMethod, string> = { open: '公开招标', selective: '竞争性谈判', limited: '询价', direct: '单一来源' };
/** OCDS release tags (codelist releaseTag). */
const TAGS = ['planning', 'planningUpdate', 'tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate', 'awardCancellation', 'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate', 'contractTermination', 'compiled'];
const AWARD_STATUSES = ['pending', 'active', 'cancelled', 'unsuccessful'] as const;
const CONTRACT_STATUSES = ['pending', 'active', 'cancelled', 'terminated'] as const;
const OCID = /^ocds-[A-Za-z0-9]+-[A-Za-z0-9._-]{1,100}$/u;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/u;

interface Value {
  amount: Decimal128;
  currency: 'CNY';
}
interface Period {
  startDate: string;
  endDate: string;
}
interface Supplier {
  id: string;
  name: string;
  creditCode: string;
  locality: string;
}

/** A release as pushed and stored; `organizationId` is the buyer (采购人). */
export interface ProcurementContent {
  [key: string]: unknown;
  organizationId: string;
  ocid: string;
  tag: string[];
  date: string;
  title: string;
  channels: ChannelCode[];
  tender: { id: string; title: string; procurementMethod: ProcurementMethod; procurementMethodDetails: string; value: Value; tenderPeriod: Period; numberOfTenderers: number };
  awards: Array<{ id: string; title: string; status: string; date: string; value: Value; suppliers: Supplier[] }>;
  contracts: Array<{ id: string; awardId: string; title: string; status: string; value: Value; dateSigned: string; period: Period }>;
}

function value(check: FieldChecker, name: string): Value | null {
  const amount = check.amount(name);
  return amount && { amount, currency: 'CNY' };
}

function period(check: FieldChecker, name: string): Period | null {
  const inner = check.object(name);
  if (!inner) return null;
  const startDate = inner.day('startDate');
  const endDate = inner.day('endDate');
  if (startDate && endDate && startDate > endDate) inner.fail('endDate', `is before startDate (${startDate})`);
  return startDate && endDate ? { startDate, endDate } : null;
}

function textOf(content: ProcurementContent): string {
  const suppliers = content.awards.flatMap((a) => a.suppliers.map((s) => s.name));
  const awarded = content.awards.map((a) => a.value.amount.toString()).join('、');
  return `采购方式：${content.tender.procurementMethodDetails}；预算金额${content.tender.value.amount.toString()}元；成交供应商：${suppliers.join('、')}；成交金额${awarded}元。`;
}

/** The procurement kind (procurement store). */
export const procurementKind: RecordKind<ProcurementContent> = {
  name: 'Procurement',
  store: 'procurement',
  idPrefix: 'proc',

  validate(fields): Validated<ProcurementContent> {
    const check = new FieldChecker(fields);
    const buyer = organizationId(check, 'organizationId');
    const ocid = check.string('ocid', { maxLength: 120, pattern: OCID, patternText: 'an OCDS ocid, ocds-<prefix>-<process id>' });
    const tags = check.strings('tag', { min: 1, max: TAGS.length });
    const badTag = tags?.find((t) => !TAGS.includes(t));
    if (badTag !== undefined) check.fail('tag', `must each be an OCDS release tag (${TAGS.join(', ')}); got ${JSON.stringify(badTag)}`);
    const date = check.day('date');
    const tenderCheck = check.object('tender');
    let tender: ProcurementContent['tender'] | null = null;
    if (tenderCheck) {
      const method = tenderCheck.oneOf('procurementMethod', METHODS);
      const parts = {
        id: referenceId(tenderCheck, 'id'),
        title: tenderCheck.string('title', { maxLength: 200 }),
        procurementMethod: method,
        procurementMethodDetails: tenderCheck.string('procurementMethodDetails', { optional: true, maxLength: 50 }) ?? (method ? METHOD_DETAILS[method] : null),
        value: value(tenderCheck, 'value'),
        tenderPeriod: period(tenderCheck, 'tenderPeriod'),
        numberOfTenderers: tenderCheck.integer('numberOfTenderers', { min: 0, max: 10_000 }),
      };
      if (Object.values(parts).every((v) => v !== null)) tender = parts as ProcurementContent['tender'];
    }
    const awards = (check.list('awards', { optional: true, max: 100 }) ?? []).map((award) => ({
      id: referenceId(award, 'id'),
      title: award.string('title', { maxLength: 200 }),
      status: award.oneOf('status', AWARD_STATUSES),
      date: award.day('date'),
      value: value(award, 'value'),
      suppliers: (award.list('suppliers', { min: 1, max: 50 }) ?? []).map((supplier) => ({
        id: referenceId(supplier, 'id'),
        name: supplier.string('name', { maxLength: 200 }),
        creditCode: supplier.string('creditCode', { pattern: CREDIT_CODE, patternText: 'an 18-character 统一社会信用代码' }),
        locality: supplier.string('locality', { maxLength: 100 }),
      })),
    }));
    const awardIds = new Set(awards.map((a) => a.id));
    const contracts = (check.list('contracts', { optional: true, max: 100 }) ?? []).map((contract, i) => {
      const awardId = referenceId(contract, 'awardId');
      if (awardId !== null && !awardIds.has(awardId)) check.fail(`contracts[${i}].awardId`, `names no award of this release (${awardId})`);
      return {
        id: referenceId(contract, 'id'),
        awardId,
        title: contract.string('title', { maxLength: 200 }),
        status: contract.oneOf('status', CONTRACT_STATUSES),
        value: value(contract, 'value'),
        dateSigned: contract.day('dateSigned'),
        period: period(contract, 'period'),
      };
    });
    const heading = title(check, () => `${tender?.title ?? ''}${tender ? tender.procurementMethodDetails : ''}成交公告`);
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: {
        organizationId: buyer!,
        ocid: ocid!,
        tag: tags!,
        date: date!,
        title: heading!,
        channels: published!,
        tender: tender!,
        awards: awards as ProcurementContent['awards'],
        contracts: contracts as ProcurementContent['contracts'],
      },
    };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const suppliers = new Map(content.awards.flatMap((a) => a.suppliers).map((s) => [s.id, s]));
    return {
      documents: [
        ...[...suppliers.values()].map((s) => ({ collection: SUPPLIERS, document: { _id: s.id, name: s.name, creditCode: s.creditCode, locality: s.locality }, shared: true })),
        {
          collection: RELEASES,
          document: {
            _id: recordId,
            ocid: content.ocid,
            tag: content.tag,
            date: content.date,
            buyerId: content.organizationId,
            tender: content.tender,
            awards: content.awards.map((a) => ({ ...a, suppliers: a.suppliers.map((s) => ({ id: s.id, name: s.name })) })),
            contracts: content.contracts,
          },
        },
      ],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'Procurement',
        title: content.title,
        category: 'FISCAL_FUNDS',
        organizationId: content.organizationId,
        publishedAt,
        year: Number(content.date.slice(0, 4)),
        channels: content.channels,
        text: textOf(content),
      }),
    };
  },

  retract: (recordId) => [{ collection: RELEASES, filter: { _id: recordId } }],

  uniqueValues: (content, recordId) => [
    { collection: RELEASES, field: 'ocid', value: content.ocid, ownerId: recordId, path: 'ocid' },
    ...content.awards.flatMap((award, a) =>
      award.suppliers.map((supplier, s) => ({ collection: SUPPLIERS, field: 'creditCode', value: supplier.creditCode, ownerId: supplier.id, path: `awards[${a}].suppliers[${s}].creditCode` })),
    ),
  ],
};
