/** A disclosed 三公 statement (三公经费公开表): one organization, phase, and month or year. */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { BudgetPhase } from './finance.enums.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A 三公 expense statement (三公经费公开表) as posted monthly and yearly: budget (预算) or final (决算) figures of the four items.',
})
export class ThreePublicExpenseStatement extends Disclosure {
  @Field(() => BudgetPhase, { description: 'Budget (预算) or final (决算).' })
  phase!: BudgetPhase;

  @Field(() => Int, { description: 'Fiscal year (年度).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Month (月份) 1–12, or null for the whole year.' })
  month!: number | null;
}
