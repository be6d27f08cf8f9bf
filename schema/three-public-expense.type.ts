/** One line of a 三公 statement: an item's amount and its counts. */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { BudgetPhase, ThreePublicItem } from './finance.enums.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: Node,
  description: 'One 三公 expense item (三公经费) of a statement: the amount (`amount(unit:)`, stored in 元) and the counts that go with the item.',
})
export class ThreePublicExpense extends Node {
  @Field(() => ThreePublicItem, { description: 'The item (因公出国(境)费, 公务用车购置费, 公务用车运行维护费, 公务接待费).' })
  item!: ThreePublicItem;

  @Field(() => BudgetPhase, { description: 'Budget (预算) or final (决算).' })
  phase!: BudgetPhase;

  @Field(() => Int, { description: 'Fiscal year (年度).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Month (月份) 1–12, or null for the whole year.' })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: '团组数: groups travelling abroad (因公出国(境) only).' })
  groups!: number | null;

  @Field(() => Int, { nullable: true, description: '人数: people travelling abroad (因公出国(境) only).' })
  travellers!: number | null;

  @Field(() => Int, { nullable: true, description: '购置数: vehicles purchased (公务用车购置 only).' })
  vehiclesPurchased!: number | null;

  @Field(() => Int, { nullable: true, description: '保有量: official vehicles held at the end of the period (公务用车 items).' })
  vehiclesHeld!: number | null;

  @Field(() => Int, { nullable: true, description: '接待批次: receptions (公务接待 only).' })
  receptions!: number | null;

  @Field(() => Int, { nullable: true, description: '接待人数: guests received (公务接待 only).' })
  guests!: number | null;
}
