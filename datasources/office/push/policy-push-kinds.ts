/** Push kinds of policies (PolicyDocument) and interpretations (Interpretation), published into the office store's `policies` and `interpretations`. */
import { createHash } from 'node:crypto';
import { Binary } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { catalogEntryOf } from '../../push/catalog-projection.js';
import { FieldChecker } from '../../push/field-checks.js';
import { channels, organizationId, title } from '../../push/kinds/common-fields.js';
import type { RecordKind, Validated } from '../../push/record-kind.js';
import { ATTACHMENT_FILES, INTERPRETATIONS, POLICIES } from '../policy-store.js';
import type { InterpretationForm, PolicyValidity } from '../policy-records.js';
import { chinaYear, flag, rawElements, recordIds } from './office-push-fields.js';

const VALIDITIES: readonly PolicyValidity[] = ['IN_FORCE', 'AMENDED', 'REPEALED'];
const FORMS: readonly InterpretationForm[] = ['TEXT', 'GRAPHIC', 'VIDEO', 'INTERVIEW', 'MEDIA_REPORT'];
const BODY = { maxLength: 200_000 };

/** Largest attachment accepted in a push, in bytes (the file travels base64 in the GraphQL request, and is kept in the submission and the ledger). */
export const MAX_PUSHED_ATTACHMENT_BYTES = 256 * 1024;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/iu;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;

/** A pushed attachment: its bytes with the size and checksum computed from them. */
export interface PushedAttachment {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Binary;
}

/** A policy as pushed and stored, with its attachments' bytes. */
export interface PolicyContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  documentNumber: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  validity: PolicyValidity;
  normative: boolean;
  replacedByIds: string[];
  body: string;
  attachments: PushedAttachment[];
  channels: ChannelCode[];
}

/** The attachments of a pushed policy, checked (name, media type, base64 content within the size limit). */
function attachments(check: FieldChecker, fields: Readonly<Record<string, unknown>>): PushedAttachment[] {
  const raw = rawElements(fields, 'attachments');
  return (check.list('attachments', { optional: true, max: 20 }) ?? []).flatMap((file, i) => {
    const name = file.string('name', { maxLength: 200 });
    const mediaType = file.string('mediaType', { maxLength: 100, pattern: MEDIA_TYPE, patternText: 'a media type such as application/pdf' });
    const encoded = raw[i]?.contentBase64;
    if (typeof encoded !== 'string' || encoded.length === 0) {
      file.fail('contentBase64', 'is required: the file, base64-encoded');
      return [];
    }
    const bytes = Buffer.from(encoded, 'base64');
    if (!BASE64.test(encoded) || encoded.length % 4 !== 0 || bytes.toString('base64') !== encoded) {
      file.fail('contentBase64', 'is not valid base64');
      return [];
    }
    if (bytes.length > MAX_PUSHED_ATTACHMENT_BYTES) {
      file.fail('contentBase64', `holds ${bytes.length} bytes; at most ${MAX_PUSHED_ATTACHMENT_BYTES} are accepted`);
      return [];
    }
    if (name === null || mediaType === null) return [];
    return [{ name, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: new Binary(bytes) }];
  });
}

/** The policy kind: the issuing organization pushes its own documents. */
export const policyKind: RecordKind<PolicyContent> = {
  name: 'PolicyDocument',
  store: 'office',
  idPrefix: 'policy',

  validate(fields): Validated<PolicyContent> {
    const check = new FieldChecker(fields);
    const issuer = organizationId(check, 'organizationId');
    const heading = check.string('title', { maxLength: 200 });
    const documentNumber = check.string('documentNumber', { optional: true, maxLength: 100 });
    const issuedOn = check.day('issuedOn');
    const effectiveOn = check.day('effectiveOn', { optional: true });
    const validity = check.oneOf('validity', VALIDITIES);
    const normative = flag(check, fields, 'normative');
    const replacedByIds = recordIds(check, fields, 'replacedByIds');
    if (validity === 'IN_FORCE' && replacedByIds && replacedByIds.length > 0) check.fail('replacedByIds', 'must be empty for a document IN_FORCE');
    const body = check.string('body', BODY);
    const files = attachments(check, fields);
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: { organizationId: issuer!, title: heading!, documentNumber, issuedOn: issuedOn!, effectiveOn, validity: validity!, normative: normative!, replacedByIds: replacedByIds!, body: body!, attachments: files, channels: published! },
    };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: issuingOrganizationId, title: heading, channels: published, attachments: files, ...policy } = content;
    // Files are numbered in pushed order; the same record always gives the same ids, so download URLs stay stable across versions.
    const numbered = files.map((file, i) => ({ id: `${recordId}-att-${i + 1}`, ...file }));
    return {
      documents: [
        { collection: POLICIES, document: { _id: recordId, issuingOrganizationId, ...policy, attachments: numbered.map(({ id, name, mediaType, size, sha256 }) => ({ id, name, mediaType, size, sha256 })) } },
        ...numbered.map(({ id, ...file }) => ({ collection: ATTACHMENT_FILES, document: { _id: id, policyId: recordId, ...file } })),
      ],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'PolicyDocument',
        title: heading,
        category: 'POLICY_DOCUMENTS',
        organizationId: issuingOrganizationId,
        publishedAt,
        year: Number(policy.issuedOn.slice(0, 4)),
        channels: published,
        text: `${policy.documentNumber ?? ''}\n${policy.body}\n${files.map((f) => f.name).join('\n')}`,
      }),
    };
  },

  retract: (recordId) => [
    { collection: POLICIES, filter: { _id: recordId } },
    { collection: ATTACHMENT_FILES, filter: { policyId: recordId } },
  ],
};

/** An interpretation as pushed and stored. */
export interface InterpretationContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  form: InterpretationForm;
  policyIds: string[];
  body: string;
  mediaUrl: string | null;
  mediaOutlet: string | null;
  channels: ChannelCode[];
}

/** The interpretation kind: linked to the policies it explains by their record ids. */
export const interpretationKind: RecordKind<InterpretationContent> = {
  name: 'Interpretation',
  store: 'office',
  idPrefix: 'interp',

  validate(fields): Validated<InterpretationContent> {
    const check = new FieldChecker(fields);
    const owner = organizationId(check, 'organizationId');
    const form = check.oneOf('form', FORMS);
    const policyIds = recordIds(check, fields, 'policyIds', { min: 1 });
    const body = check.string('body', BODY);
    const mediaUrl = check.string('mediaUrl', { optional: true, maxLength: 500 });
    const mediaOutlet = check.string('mediaOutlet', { optional: true, maxLength: 100 });
    if (form !== null && form !== 'TEXT' && mediaUrl === null && !check.issues.some((i) => i.path === 'mediaUrl')) check.fail('mediaUrl', `is required for a ${form} interpretation`);
    const heading = title(check, () => `政策解读：${body?.slice(0, 30) ?? ''}`);
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return { ok: true, content: { organizationId: owner!, title: heading!, form: form!, policyIds: policyIds!, body: body!, mediaUrl, mediaOutlet, channels: published! } };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: owner, title: heading, channels: published, ...interpretation } = content;
    return {
      documents: [{ collection: INTERPRETATIONS, document: { _id: recordId, ...interpretation } }],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'Interpretation',
        title: heading,
        category: 'POLICY_INTERPRETATIONS',
        organizationId: owner,
        publishedAt,
        year: chinaYear(publishedAt),
        channels: published,
        text: `${interpretation.body}\n${interpretation.mediaOutlet ?? ''}`,
      }),
    };
  },

  retract: (recordId) => [{ collection: INTERPRETATIONS, filter: { _id: recordId } }],
};
