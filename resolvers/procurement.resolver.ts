/** Links and amounts of procurements, awards and suppliers (procurement store). */
import { Arg, Args, Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { AwardRecord, MoneyValue as MoneyValueRecord, ProcurementRecord, SupplierRecord } from '../datasources/procurement/procurement-records.js';
import type { GatewayContext } from '../src/context.js';
import { ProcurementConnection } from '../schema/connections.type.js';
import { DecimalScalar } from '../schema/decimal.scalar.js';
import { convertYuan } from '../schema/money.js';
import { MoneyUnit } from '../schema/money-unit.enum.js';
import { MoneyValue } from '../schema/money-value.type.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { Award, Procurement } from '../schema/procurement.type.js';
import { Supplier } from '../schema/supplier.type.js';
import { OWN_LINKS } from '../src/http/own-parts.js';
import { publishedOf, type Disclosed } from './disclosed-records.js';
import { listConnection } from './list-connection.js';
import { AMOUNT_DESCRIPTION, UNIT_ARG } from './money-field.js';

/** Sort key of procurements: release date, then id. */
export const byReleaseDate = (p: Disclosed<'Procurement'>) => `${p.date}\u0000${p.id}`;

@Resolver(() => Procurement)
export class ProcurementResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The buyer (采购人), an organization of the hierarchy.' })
  buyer(@Root() procurement: ProcurementRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(procurement.buyerId);
  }
}

@Resolver(() => Award)
export class AwardResolver {
  @FieldResolver(() => [Supplier], { description: 'The winning suppliers (中标供应商).' })
  // Which suppliers won is the procurement's; a supplier's name is its own (shared by procurements), so a cached answer must show each supplier's id.
  @Extensions(OWN_LINKS)
  async suppliers(@Root() award: AwardRecord, @Ctx() context: GatewayContext): Promise<SupplierRecord[]> {
    const found = await context.loaders.supplier.loadMany(award.suppliers.map((s) => s.id));
    const failed = found.find((s): s is Error => s instanceof Error);
    if (failed) throw failed;
    return found.filter((s): s is SupplierRecord => s !== null);
  }
}

@Resolver(() => MoneyValue)
export class MoneyValueResolver {
  @FieldResolver(() => DecimalScalar, { description: AMOUNT_DESCRIPTION })
  amount(@Root() value: MoneyValueRecord, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(value.amount, unit);
  }
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @FieldResolver(() => ProcurementConnection, { description: 'Published procurements in which this supplier won an award, by date.' })
  async procurements(@Root() supplier: SupplierRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const published = await publishedOf('Procurement', await context.loaders.procurementsBySupplier.load(supplier.id), context.loaders);
    return listConnection(published, byReleaseDate, page);
  }
}
