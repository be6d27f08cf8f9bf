/** The metadata every disclosed record carries in the catalog (公开目录); `organization` is added by its resolver. */
import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';
import { Channel } from './channel.enum.js';
import { DisclosureCategory } from './disclosure-category.enum.js';
import { DisclosureKind } from './disclosure-kind.enum.js';
import { Node, type Typed } from './node.interface.js';

@InterfaceType({
  description: 'A disclosed record (主动公开信息) as listed in the catalog (公开目录), whichever store keeps it.',
  implements: Node,
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Disclosure extends Node {
  @Field(() => String, { description: 'Title (标题) as published.' })
  title!: string;

  @Field(() => DisclosureKind, { description: 'Kind of record, the name of its type (also usable in `DisclosureFilter.kinds`).' })
  kind!: DisclosureKind;

  @Field(() => DisclosureCategory, { description: 'Catalog category (公开目录类别).' })
  category!: DisclosureCategory;

  @Field(() => GraphQLDateTimeISO, { description: 'Publication time (发布时间).' })
  publishedAt!: Date;

  @Field(() => String, { description: 'Index number (索引号), unique in the catalog.' })
  indexNumber!: string;

  @Field(() => [Channel], { description: 'Channels (公开渠道) through which the record was made public.' })
  channels!: Channel[];
}
