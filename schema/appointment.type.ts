/** An appointment or dismissal (人事任免), disclosed under 机构职能人事任免. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';
import { AppointmentAction } from './personnel.enums.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'An appointment (任职) or dismissal (免职) of a person to or from a post (Popolo Membership with the decision details).',
})
export class Appointment extends Disclosure {
  @Field(() => AppointmentAction, { description: 'Appointment (任职) or dismissal (免职).' })
  action!: AppointmentAction;

  @Field(() => GraphQLLocalDate, { description: 'Day the decision takes effect (生效日期).' })
  effectiveDate!: string;

  @Field(() => String, { description: 'Document number of the decision (文号), e.g. 内委〔2015〕12号.' })
  documentNumber!: string;
}
