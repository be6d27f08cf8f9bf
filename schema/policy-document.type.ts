/** A policy or normative document (政策及规范性文件). */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';
import { PolicyValidity } from './policy.enums.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A policy or normative document (政策及规范性文件): 文号, issuing organization, dates, validity with its replacement chain, full text, attachments and interpretations (政策解读).',
})
export class PolicyDocument extends Disclosure {
  @Field(() => String, { nullable: true, description: 'Document number (文号), when it has one.' })
  documentNumber!: string | null;

  @Field(() => GraphQLLocalDate, { description: 'Day of issue (成文日期).' })
  issuedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day it takes effect (施行日期), when stated.' })
  effectiveOn!: string | null;

  @Field(() => PolicyValidity, { description: 'Validity (效力状态): in force, amended or repealed.' })
  validity!: PolicyValidity;

  @Field(() => Boolean, { description: 'Whether it is a normative document (行政规范性文件), which must be interpreted within 3 working days of publication.' })
  normative!: boolean;

  @Field(() => String, { description: 'Full text (正文).' })
  body!: string;
}
