/** Links of policies and interpretations: both directions through the request's loaders, the replacement chain, the missing-interpretation flag and attachment download URLs. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import { interpretationDueOn, missingInterpretation } from '../datasources/office/interpretation-deadline.js';
import type { AttachmentRecord } from '../datasources/office/policy-records.js';
import type { GatewayContext } from '../src/context.js';
import { Attachment } from '../schema/attachment.type.js';
import { Interpretation } from '../schema/interpretation.type.js';
import { Organization } from '../schema/organization.type.js';
import { PolicyDocument } from '../schema/policy-document.type.js';
import { disclosedById, publishedOf, type Disclosed } from './disclosed-records.js';

/** Path under which the gateway serves attachment files (src/http/attachments.ts). */
export const ATTACHMENT_PATH = '/attachments';

/** Longest replacement chain followed (a guard against a cycle written by mistake). */
const MAX_CHAIN = 50;

const byPublication = (a: Disclosed, b: Disclosed) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : 1);

async function publishedPolicies(ids: readonly string[], context: GatewayContext): Promise<Disclosed<'PolicyDocument'>[]> {
  const found = await Promise.all(ids.map((id) => disclosedById('PolicyDocument', id, context.loaders)));
  return (found.filter((d) => d !== null) as Disclosed<'PolicyDocument'>[]).sort(byPublication);
}

async function interpretationsOf(policy: Disclosed<'PolicyDocument'>, context: GatewayContext): Promise<Disclosed<'Interpretation'>[]> {
  const records = await context.loaders.office.interpretationsByPolicy.load(policy.id);
  return (await publishedOf('Interpretation', records, context.loaders)).sort(byPublication);
}

@Resolver(() => PolicyDocument)
export class PolicyDocumentResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that issued it (发文机关).' })
  issuingOrganization(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(policy.issuingOrganizationId);
  }

  @FieldResolver(() => [Attachment], { description: 'Attached files (附件), in published order; each downloads from `downloadUrl`.' })
  attachments(@Root() policy: Disclosed<'PolicyDocument'>): AttachmentRecord[] {
    return policy.attachments;
  }

  @FieldResolver(() => [Interpretation], { description: 'Published interpretations of this document (相关解读), oldest first.' })
  interpretations(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<Disclosed<'Interpretation'>[]> {
    return interpretationsOf(policy, context);
  }

  @FieldResolver(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day (China time) an interpretation counts as in time: the 3rd working day after publication, by the official holiday calendar with its make-up working days. Null for a document that is not normative, or when the calendar has no data for the days needed.',
  })
  interpretationDueOn(@Root() policy: Disclosed<'PolicyDocument'>): string | null {
    return policy.normative ? interpretationDueOn(policy.publishedAt) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True for a normative document (行政规范性文件) whose due day (`interpretationDueOn`) is over without an interpretation published by its end, even if one came later; false while still due, once interpreted in time, or for a document that is not normative; null when the holiday calendar cannot say when it was due.',
  })
  async missingInterpretation(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<boolean | null> {
    if (!policy.normative) return false;
    const interpretations = await interpretationsOf(policy, context);
    return missingInterpretation(policy.publishedAt, interpretations.map((i) => i.publishedAt), context.now);
  }

  @FieldResolver(() => [PolicyDocument], { description: 'The published documents that directly amend or replace this one, oldest first (empty for a document in force).' })
  replacedBy(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<Disclosed<'PolicyDocument'>[]> {
    return publishedPolicies(policy.replacedByIds, context);
  }

  @FieldResolver(() => [PolicyDocument], { description: 'The published documents this one directly amends or replaces, oldest first.' })
  async replaces(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<Disclosed<'PolicyDocument'>[]> {
    const records = await context.loaders.office.policiesReplacedBy.load(policy.id);
    return publishedPolicies(records.map((r) => r.id), context);
  }

  @FieldResolver(() => [PolicyDocument], {
    description: 'Every published document that replaces this one, directly or through others, oldest first: the last one in force is where the chain ends. One batched read per step of the chain.',
  })
  async replacementChain(@Root() policy: Disclosed<'PolicyDocument'>, @Ctx() context: GatewayContext): Promise<Disclosed<'PolicyDocument'>[]> {
    const seen = new Set<string>([policy.id]);
    const chain: Disclosed<'PolicyDocument'>[] = [];
    let frontier = policy.replacedByIds.filter((id) => !seen.has(id));
    for (let step = 0; frontier.length > 0 && step < MAX_CHAIN; step++) {
      for (const id of frontier) seen.add(id);
      const next = await publishedPolicies(frontier, context);
      chain.push(...next);
      frontier = [...new Set(next.flatMap((p) => p.replacedByIds))].filter((id) => !seen.has(id));
    }
    return chain.sort(byPublication);
  }
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @FieldResolver(() => String, { description: 'Path on this gateway that serves the file (GET; Content-Type, Content-Length and ETag from the fields above).' })
  downloadUrl(@Root() attachment: AttachmentRecord): string {
    return `${ATTACHMENT_PATH}/${encodeURIComponent(attachment.id)}`;
  }
}

@Resolver(() => Interpretation)
export class InterpretationResolver {
  @FieldResolver(() => [PolicyDocument], { description: 'The published documents this interpretation explains, oldest first.' })
  policies(@Root() interpretation: Disclosed<'Interpretation'>, @Ctx() context: GatewayContext): Promise<Disclosed<'PolicyDocument'>[]> {
    return publishedPolicies(interpretation.policyIds, context);
  }
}
