/**
 * Applications for disclosure, the applicant's side: filing (anyone, no
 * credential), following, correcting and withdrawing with the tracking
 * number and the secret.
 */
import { Arg, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import type { ApplicantType, DeliveryForm as StoredDeliveryForm } from '../datasources/applications/application-records.js';
import type { GatewayContext } from '../src/context.js';
import { FileApplicationInput } from '../schema/application.inputs.js';
import { FiledApplication, InformationApplication } from '../schema/application.type.js';
import { recordIdOf } from './global-id.js';
import { announced } from './application-changes.js';
import { PRIVATE_ANSWER } from '../src/http/private-answers.js';

const TRACKING = { description: 'Tracking number of the application.' } as const;

@Resolver()
export class ApplicationResolver {
  // Anyone may ask, but the answer is one applicant's: no shared cache may keep it.
  @Extensions(PRIVATE_ANSWER)
  @Query(() => InformationApplication, {
    description: 'An application, for its applicant: the tracking number and the secret given at filing. An unknown number and a wrong secret fail alike (APPLICATION_NOT_FOUND). Anyone may ask; the applicant’s identity is not part of this view.',
  })
  application(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('secret', () => String, { description: 'The secret given at filing.' }) secret: string,
    @Ctx() context: GatewayContext,
  ) {
    return context.stores.applications.forApplicant(trackingNumber, secret);
  }

  @Mutation(() => FiledApplication, {
    description: 'Files an application (anyone, no credential needed). Answers the tracking number and the secret to follow it; received today (China time).',
  })
  async fileApplication(@Arg('input', () => FileApplicationInput, { description: 'The application.' }) input: FileApplicationInput, @Ctx() context: GatewayContext) {
    const organizationId = recordIdOf(input.organizationId, 'Organization', 'input.organizationId');
    const { application, secret } = await context.stores.applications.file(
      {
        organizationId,
        applicantType: input.applicantType as unknown as ApplicantType,
        applicant: input.applicant,
        description: input.description,
        deliveryForm: input.deliveryForm as unknown as StoredDeliveryForm,
      },
      { by: 'applicant', now: context.now },
    );
    return { secret, application: announced(context, application) };
  }

  @Mutation(() => InformationApplication, { description: 'The applicant withdraws their open application (撤回), proving it with the secret.' })
  async withdrawApplication(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('secret', () => String, { description: 'The secret given at filing.' }) secret: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (optional).' }) reason: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return announced(context, await context.stores.applications.withdrawByApplicant(trackingNumber, secret, reason ?? null, context.now));
  }

  @Mutation(() => InformationApplication, {
    description: 'The applicant sends the corrected application (补正) online, proving it with the secret: the description is replaced and the answer period starts again in full today. Only while a correction is requested.',
  })
  async correctApplication(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('secret', () => String, { description: 'The secret given at filing.' }) secret: string,
    @Arg('description', () => String, { description: 'The corrected description of the information wanted (1–2000 characters).' }) description: string,
    @Ctx() context: GatewayContext,
  ) {
    return announced(context, await context.stores.applications.correctByApplicant(trackingNumber, secret, description, context.now));
  }
}
