/** One item of a power list or public service list. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { PowerKind } from './power-list.enums.js';

@ObjectType({ description: 'Whether and how much an item costs the applicant (收费).' })
export class PowerItemFee {
  @Field(() => Boolean, { description: 'Whether a fee is charged (是否收费).' })
  charged!: boolean;

  @Field(() => String, { nullable: true, description: 'Legal basis of the fee (收费依据), when charged.' })
  basis!: string | null;
}

@ObjectType({
  implements: Node,
  description: 'An item (事项) of a published power list or public service list: kind, legal basis, handling organization, delegation from the district, time limits and fee.',
})
export class PowerListItem extends Node {
  @Field(() => Int, { description: 'Position in its list, from 1 (序号).' })
  sequence!: number;

  @Field(() => PowerKind, { description: 'Kind of power (权力类型), or PUBLIC_SERVICE.' })
  kind!: PowerKind;

  @Field(() => String, { description: 'Name of the item (事项名称).' })
  name!: string;

  @Field(() => String, { description: 'Legal basis (设定依据).' })
  legalBasis!: string;

  @Field(() => Boolean, { description: 'Whether the district delegated the item to the town (区级下放/调整至镇办理).' })
  delegatedFromDistrict!: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day of the delegation, when delegated.' })
  delegatedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Statutory time limit (法定时限) in working days; null when the law sets none.' })
  statutoryTimeLimitDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Promised time limit (承诺时限) in working days.' })
  promisedTimeLimitDays!: number | null;

  @Field(() => PowerItemFee, { description: 'Fee (收费).' })
  fee!: PowerItemFee;
}
