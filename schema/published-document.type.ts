/** A document the office publishes itself: a policy, notice, news item or directory list. */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';
import { PublishedDocumentType } from './published-document-type.enum.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A document published by the office (公开文件): policy, notice, news, photo news, report or directory list; its text is kept only in the office store.',
})
export class PublishedDocument extends Disclosure {
  @Field(() => PublishedDocumentType, { description: 'Type of document.' })
  documentType!: PublishedDocumentType;

  @Field(() => String, { nullable: true, description: 'Document number (文号), when it has one.' })
  documentNumber!: string | null;

  @Field(() => String, { description: 'Full text (正文).' })
  body!: string;
}
