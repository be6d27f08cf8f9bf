/** Land notices: exact areas, rates and amounts, affected villages, and the fund allocations (finance store) that paid each compensation. */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CompensationStandard as StandardRecord, LandCompensationRecord } from '../datasources/office/land-records.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { DecimalScalar } from '../schema/decimal.scalar.js';
import { FundAllocation } from '../schema/fund-allocation.type.js';
import { CompensationStandard, LandCompensation, LandRequisitionNotice } from '../schema/land-notice.types.js';
import { convertYuan, sumYuan } from '../schema/money.js';
import { MoneyUnit } from '../schema/money-unit.enum.js';
import { Organization } from '../schema/organization.type.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import { AMOUNT_DESCRIPTION, UNIT_ARG } from './money-field.js';

@Resolver(() => LandRequisitionNotice)
export class LandRequisitionNoticeResolver {
  @FieldResolver(() => DecimalScalar, { description: 'Area (面积) in 亩 (mu), exactly as announced.' })
  areaMu(@Root() notice: Disclosed<'LandRequisitionNotice'>): string {
    return notice.areaMu;
  }

  @FieldResolver(() => [Organization], { description: 'The villages whose land is requisitioned (涉及村).' })
  async affectedVillages(@Root() notice: Disclosed<'LandRequisitionNotice'>, @Ctx() context: GatewayContext): Promise<OrganizationRecord[]> {
    const found = await context.loaders.organization.loadMany(notice.affectedVillageIds);
    return found.filter((org): org is OrganizationRecord => org !== null && !(org instanceof Error));
  }

  @FieldResolver(() => [CompensationStandard], { description: 'Compensation standards (补偿标准).' })
  standards(@Root() notice: Disclosed<'LandRequisitionNotice'>): StandardRecord[] {
    return notice.standards;
  }

  @FieldResolver(() => [LandCompensation], { description: 'Compensations per village and item (补偿记录), in the order announced.' })
  compensations(@Root() notice: Disclosed<'LandRequisitionNotice'>): LandCompensationRecord[] {
    return notice.compensations;
  }

  @FieldResolver(() => DecimalScalar, { description: `Exact sum of the compensations (补偿合计). ${AMOUNT_DESCRIPTION}` })
  totalCompensation(@Root() notice: Disclosed<'LandRequisitionNotice'>, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(sumYuan(notice.compensations.map((c) => c.amount)), unit);
  }
}

@Resolver(() => CompensationStandard)
export class CompensationStandardResolver {
  @FieldResolver(() => DecimalScalar, { description: `Rate per \`perUnit\` (补偿单价). ${AMOUNT_DESCRIPTION}` })
  rate(@Root() standard: StandardRecord, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(standard.rate, unit);
  }

  @FieldResolver(() => String, { description: 'The unit the rate is per (计量单位), e.g. 亩.' })
  perUnit(@Root() standard: StandardRecord): string {
    return standard.unit;
  }
}

@Resolver(() => LandCompensation)
export class LandCompensationResolver {
  @FieldResolver(() => DecimalScalar, { description: AMOUNT_DESCRIPTION })
  amount(@Root() compensation: LandCompensationRecord, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(compensation.amount, unit);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The village compensated (被征地村).' })
  village(@Root() compensation: LandCompensationRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(compensation.villageId);
  }

  @FieldResolver(() => FundAllocation, { nullable: true, description: 'The published fund allocation (下拨资金, finance store) that paid it, when known.' })
  allocation(@Root() compensation: LandCompensationRecord, @Ctx() context: GatewayContext): Promise<Disclosed | null> | null {
    return compensation.allocationId ? disclosedById('FundAllocation', compensation.allocationId, context.loaders) : null;
  }
}
