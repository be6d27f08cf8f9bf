/** Counts of disclosed records per category for an organization and a period. */
import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DisclosureCategory } from './disclosure-category.enum.js';

@ObjectType({ description: 'Number of disclosed records in one catalog category.' })
export class CategoryCount {
  @Field(() => DisclosureCategory, { description: 'The category.' })
  category!: DisclosureCategory;

  @Field(() => String, { description: 'Chinese name of the category (类别名称).' })
  name!: string;

  @Field(() => Int, { description: 'Number of records (条数).' })
  count!: number;
}

@ObjectType({
  description:
    'Catalog summary (公开目录统计): disclosed records per category for an organization and a period. When a store does not answer, the summary counts the stores that did, and an error with extensions.code SOURCE_UNAVAILABLE and extensions.source naming the store has the summary\'s path.',
})
export class CatalogSummary {
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Start of the period (inclusive), if given.' })
  from!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'End of the period (exclusive), if given.' })
  to!: Date | null;

  @Field(() => [CategoryCount], { description: 'Categories with at least one record, in catalog order, counted in the stores that answered (see errors for the ones that did not).' })
  categories!: CategoryCount[];

  @Field(() => Int, { description: 'Records in all categories, from the stores that answered.' })
  total!: number;
}
