/** Links and amounts of 三公 statements, their expense items, and fund allocations (finance store). */
import { Arg, Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { FundAllocationRecord, ThreePublicExpenseRecord, ThreePublicStatementRecord } from '../datasources/finance/finance-records.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { DecimalScalar } from '../schema/decimal.scalar.js';
import { FundAllocation } from '../schema/fund-allocation.type.js';
import { convertYuan, sumYuan } from '../schema/money.js';
import { MoneyUnit } from '../schema/money-unit.enum.js';
import { Organization } from '../schema/organization.type.js';
import { ThreePublicExpense } from '../schema/three-public-expense.type.js';
import { ThreePublicExpenseStatement } from '../schema/three-public-expense-statement.type.js';
import { ThreePublicItem } from '../schema/finance.enums.js';
import { OWN_PARTS } from '../src/http/own-parts.js';
import { AMOUNT_DESCRIPTION, UNIT_ARG } from './money-field.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';

const ITEM_ORDER = Object.values(ThreePublicItem) as string[];

@Resolver(() => ThreePublicExpenseStatement)
export class ThreePublicExpenseStatementResolver {
  @FieldResolver(() => [ThreePublicExpense], { description: 'The four items of the statement, in the order 因公出国(境), 公务用车购置, 公务用车运行维护, 公务接待.' })
  // Written and withdrawn with the statement only: a cached answer keeps them until the statement changes.
  @Extensions(OWN_PARTS)
  async items(@Root() statement: ThreePublicStatementRecord, @Ctx() context: GatewayContext): Promise<ThreePublicExpenseRecord[]> {
    const items = await context.loaders.expensesByStatement.load(statement.id);
    return [...items].sort((a, b) => ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item));
  }

  @FieldResolver(() => DecimalScalar, { description: `Total of the four items. ${AMOUNT_DESCRIPTION}` })
  async total(
    @Root() statement: ThreePublicStatementRecord,
    @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit,
    @Ctx() context: GatewayContext,
  ): Promise<string> {
    const items = await context.loaders.expensesByStatement.load(statement.id);
    return convertYuan(sumYuan(items.map((item) => item.amount)), unit);
  }
}

@Resolver(() => ThreePublicExpense)
export class ThreePublicExpenseResolver {
  @FieldResolver(() => DecimalScalar, { description: AMOUNT_DESCRIPTION })
  amount(@Root() expense: ThreePublicExpenseRecord, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(expense.amount, unit);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization whose expense it is.' })
  organization(@Root() expense: ThreePublicExpenseRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(expense.organizationId);
  }

  @FieldResolver(() => ThreePublicExpenseStatement, { nullable: true, description: 'The published statement this item belongs to.' })
  statement(@Root() expense: ThreePublicExpenseRecord, @Ctx() context: GatewayContext): Promise<Disclosed | null> {
    return disclosedById('ThreePublicExpenseStatement', expense.statementId, context.loaders);
  }
}

@Resolver(() => FundAllocation)
export class FundAllocationResolver {
  @FieldResolver(() => DecimalScalar, { description: AMOUNT_DESCRIPTION })
  amount(@Root() allocation: FundAllocationRecord, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(allocation.amount, unit);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that pays (拨款单位).' })
  payer(@Root() allocation: FundAllocationRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(allocation.payerId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The receiving organization (收款单位, a village), when the recipient is one.' })
  recipientOrganization(@Root() allocation: FundAllocationRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> | null {
    return allocation.recipientOrganizationId ? context.loaders.organization.load(allocation.recipientOrganizationId) : null;
  }
}
