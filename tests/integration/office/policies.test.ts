/**
 * Policies and interpretations over HTTP: a policy with several
 * interpretations linked both ways, a replacement chain, the
 * missing-interpretation flag by working days, and attachment downloads
 * whose bytes match their published size and checksum.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingInterpretation } from '../../../datasources/office/interpretation-deadline.js';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

const POLICY = `
  query Policy($id: ID!) {
    node(id: $id) {
      __typename
      ... on PolicyDocument {
        title documentNumber issuedOn effectiveOn validity normative body category
        issuingOrganization { name }
        attachments { name mediaType size sha256 downloadUrl }
        interpretations { __typename form title mediaOutlet category policies { documentNumber } }
        interpretationDueOn missingInterpretation
        replacedBy { documentNumber validity }
        replaces { documentNumber validity }
        replacementChain { documentNumber validity }
      }
    }
  }`;

interface PolicyNode {
  __typename: string;
  documentNumber: string;
  validity: string;
  attachments: Array<{ name: string; mediaType: string; size: number; sha256: string; downloadUrl: string }>;
  interpretations: Array<{ form: string; mediaOutlet: string | null; policies: Array<{ documentNumber: string }> }>;
  interpretationDueOn: string | null;
  missingInterpretation: boolean | null;
  replacedBy: Array<{ documentNumber: string; validity: string }>;
  replaces: Array<{ documentNumber: string; validity: string }>;
  replacementChain: Array<{ documentNumber: string; validity: string }>;
  [field: string]: unknown;
}

async function policy(id: string): Promise<PolicyNode> {
  const result = await gateway.graphql<{ node: PolicyNode }>(POLICY, { id: toGlobalId('PolicyDocument', id) });
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

describe('a policy and its interpretations', () => {
  it('lists every form of interpretation, oldest first, each linking back to the policy', async () => {
    const landPolicy = await policy('policy-2015-033');
    expect(landPolicy).toMatchObject({
      __typename: 'PolicyDocument',
      title: '内厝镇征地拆迁工作实施办法',
      documentNumber: '内政〔2015〕33号',
      issuedOn: '2015-07-17',
      effectiveOn: '2015-08-01',
      validity: 'IN_FORCE',
      normative: true,
      category: 'POLICY_DOCUMENTS',
      issuingOrganization: { name: '厦门市翔安区内厝镇人民政府' },
    });
    expect(landPolicy.interpretations.map((i) => i.form)).toEqual(['TEXT', 'GRAPHIC', 'VIDEO', 'INTERVIEW', 'MEDIA_REPORT']);
    for (const interpretation of landPolicy.interpretations) {
      expect(interpretation).toMatchObject({ __typename: 'Interpretation', category: 'POLICY_INTERPRETATIONS' });
      expect(interpretation.policies.map((p) => p.documentNumber)).toContain('内政〔2015〕33号');
    }
    // The media report explains two documents: both are linked from it, oldest first.
    expect(landPolicy.interpretations[4]).toMatchObject({ mediaOutlet: '厦门日报', policies: [{ documentNumber: '内政〔2015〕8号' }, { documentNumber: '内政〔2015〕33号' }] });
  });

  it('an interpretation is a node of its own, and a page of disclosures can hold policies and interpretations together', async () => {
    const result = await gateway.graphql<{ disclosures: { totalCount: number; edges: Array<{ node: { __typename: string } }> } }>(
      `{ disclosures(first: 50, filter: { kinds: [PolicyDocument, Interpretation] }) { totalCount edges { node { __typename } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const kinds = result.data!.disclosures.edges.map((e) => e.node.__typename);
    expect(kinds.filter((k) => k === 'PolicyDocument')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'Interpretation')).toHaveLength(11);
    expect(result.data!.disclosures.totalCount).toBe(18);
  });
});

describe('the replacement chain', () => {
  it('runs from the repealed 2013 rules through the amended 2014 rules to the 2015 rules in force', async () => {
    const first = await policy('policy-2013-012');
    expect(first.validity).toBe('REPEALED');
    expect(first.replacedBy).toEqual([{ documentNumber: '内政〔2014〕9号', validity: 'AMENDED' }]);
    expect(first.replacementChain).toEqual([
      { documentNumber: '内政〔2014〕9号', validity: 'AMENDED' },
      { documentNumber: '内政〔2015〕15号', validity: 'IN_FORCE' },
    ]);
    const current = await policy('policy-2015-015');
    expect(current.replacedBy).toEqual([]);
    expect(current.replacementChain).toEqual([]);
    expect(current.replaces).toEqual([{ documentNumber: '内政〔2014〕9号', validity: 'AMENDED' }]);
  });
});

describe('the missing-interpretation flag (3 working days)', () => {
  it('is false for a document interpreted the next day, and on the third working day exactly', async () => {
    expect(await policy('policy-2015-033')).toMatchObject({ interpretationDueOn: '2015-07-23', missingInterpretation: false });
    // Published Tuesday 2015-09-15; interpreted Friday 2015-09-18, the third working day.
    expect(await policy('policy-2015-040')).toMatchObject({ interpretationDueOn: '2015-09-18', missingInterpretation: false });
  });

  it('is true for a normative document interpreted only two weeks later', async () => {
    // Published Wednesday 2015-05-06: due Monday 2015-05-11; interpreted 2015-05-20.
    expect(await policy('policy-2015-021')).toMatchObject({ interpretationDueOn: '2015-05-11', missingInterpretation: true });
  });

  it('is false for a document that is not normative, and null when the calendar has no data for its year', async () => {
    expect(await policy('policy-2015-008')).toMatchObject({ normative: false, interpretationDueOn: null, missingInterpretation: false });
    expect(await policy('policy-2013-012')).toMatchObject({ interpretationDueOn: null, missingInterpretation: null });
  });

  it('counts working days: over the National Day holiday and its make-up Saturday, and stays unflagged while still due', () => {
    // Published Wednesday 2015-09-30: 10-01..10-07 are off, 10-08 and 10-09 work, Saturday 10-10 is a make-up working day.
    const published = new Date('2015-09-30T10:00:00+08:00');
    expect(missingInterpretation(published, [new Date('2015-10-10T23:00:00+08:00')], new Date('2016-01-01T00:00:00+08:00'))).toBe(false);
    expect(missingInterpretation(published, [new Date('2015-10-11T09:00:00+08:00')], new Date('2016-01-01T00:00:00+08:00'))).toBe(true);
    expect(missingInterpretation(published, [], new Date('2015-10-10T12:00:00+08:00'))).toBe(false);
    expect(missingInterpretation(published, [], new Date('2015-10-11T00:00:00+08:00'))).toBe(true);
  });
});

describe('attachments', () => {
  it('download from the gateway with their media type, size and checksum', async () => {
    const { attachments } = await policy('policy-2015-033');
    expect(attachments.map((a) => a.name)).toEqual(['附件1：内厝镇征地补偿标准表.csv', '附件2：征地拆迁工作流程.txt']);
    for (const attachment of attachments) {
      const response = await gateway.fetch(attachment.downloadUrl);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(attachment.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
      expect(response.headers.get('content-type')).toContain(attachment.mediaType.split(';')[0]);
      expect(response.headers.get('etag')).toBe(`"${attachment.sha256}"`);
      expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
    }
    const csv = await (await gateway.fetch(attachments[0]!.downloadUrl)).text();
    expect(csv).toContain('土地补偿费,16000');
  });

  it('an unknown or unpublished attachment is 404 NOT_FOUND', async () => {
    const unknown = await gateway.fetch('/attachments/att-none');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    await gateway.stores.connections.office.run((db) =>
      db.collection('attachmentFiles').insertOne({ _id: 'att-unpublished' as never, policyId: 'policy-unpublished', name: 'x.txt', mediaType: 'text/plain', size: 1, sha256: '0', data: Buffer.from('x') }),
    );
    expect((await gateway.fetch('/attachments/att-unpublished')).status).toBe(404);
  });
});
