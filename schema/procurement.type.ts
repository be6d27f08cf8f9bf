/** A government procurement (政府采购) shaped after an OCDS release, with its tender, awards and contracts. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { OWN_PARTS } from '../src/http/own-parts.js';
import { Disclosure } from './disclosure.interface.js';
import { MoneyValue } from './money-value.type.js';
import { Node } from './node.interface.js';
import { Period } from './period.type.js';
import { ProcurementMethod } from './procurement-method.enum.js';

@ObjectType({ description: 'The tender (招标) of a procurement (OCDS Tender).' })
export class Tender {
  @Field(() => String, { description: 'Tender id, local to the release.' })
  id!: string;

  @Field(() => String, { description: 'Title (项目名称).' })
  title!: string;

  @Field(() => ProcurementMethod, { description: 'OCDS procurement method.' })
  procurementMethod!: ProcurementMethod;

  @Field(() => String, { description: 'The method as 政府采购法 names it (公开招标, 竞争性谈判, 询价, 单一来源…).' })
  procurementMethodDetails!: string;

  @Field(() => MoneyValue, { description: 'Estimated value (预算金额).' })
  value!: MoneyValue;

  @Field(() => Period, { description: 'Period in which bids are accepted (投标期).' })
  tenderPeriod!: Period;

  @Field(() => Int, { description: 'Number of tenderers (投标人数).' })
  numberOfTenderers!: number;
}

@ObjectType({ description: 'An award (中标/成交) of a procurement (OCDS Award); `suppliers` resolves the winning suppliers.' })
export class Award {
  @Field(() => String, { description: 'Award id, local to the release.' })
  id!: string;

  @Field(() => String, { description: 'Title of the award.' })
  title!: string;

  @Field(() => String, { description: 'OCDS award status: pending, active, cancelled or unsuccessful.' })
  status!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date of the award decision (中标公告日期).' })
  date!: string;

  @Field(() => MoneyValue, { description: 'Awarded value (中标金额).' })
  value!: MoneyValue;
}

@ObjectType({ description: 'A contract (合同) signed after an award (OCDS Contract).' })
export class Contract {
  @Field(() => String, { description: 'Contract id, local to the release.' })
  id!: string;

  @Field(() => String, { description: 'Id of the award the contract follows.' })
  awardId!: string;

  @Field(() => String, { description: 'Title of the contract.' })
  title!: string;

  @Field(() => String, { description: 'OCDS contract status: pending, active, cancelled or terminated.' })
  status!: string;

  @Field(() => MoneyValue, { description: 'Contract value (合同金额).' })
  value!: MoneyValue;

  @Field(() => GraphQLLocalDate, { description: 'Day the contract was signed (签订日期).' })
  dateSigned!: string;

  @Field(() => Period, { description: 'Period of performance (履约期限).' })
  period!: Period;
}

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A government procurement (政府采购) as an Open Contracting Data Standard release: buyer, tender, awards with suppliers, contracts.',
})
export class Procurement extends Disclosure {
  @Field(() => String, { description: 'Open Contracting ID (ocid) of the contracting process.' })
  ocid!: string;

  @Field(() => [String], { description: 'OCDS release tags, e.g. tender, award, contract.' })
  tag!: string[];

  @Field(() => GraphQLLocalDate, { description: 'Date of the release.' })
  date!: string;

  @Field(() => Tender, { description: 'The tender.' })
  tender!: Tender;

  // Awards and contracts are written with the release only: a cached answer keeps them until the release changes.
  @Field(() => [Award], { description: 'Awards of the process.' })
  @Extensions(OWN_PARTS)
  awards!: Award[];

  @Field(() => [Contract], { description: 'Contracts signed.' })
  @Extensions(OWN_PARTS)
  contracts!: Contract[];
}
