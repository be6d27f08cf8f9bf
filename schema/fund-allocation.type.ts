/** An allocation of funds (下拨资金) to a village or a project. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'An allocation of funds (下拨资金) from the town to a village or a project; the amount (`amount(unit:)`) is stored in 元.',
})
export class FundAllocation extends Disclosure {
  @Field(() => String, { nullable: true, description: 'The project funded (项目), when the recipient is a project.' })
  recipientProject!: string | null;

  @Field(() => String, { description: 'Purpose (用途).' })
  purpose!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day the funds were allocated (拨付日期).' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Document number of the decision (文号).' })
  documentNumber!: string | null;
}
