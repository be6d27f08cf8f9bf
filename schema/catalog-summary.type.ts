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

@ObjectType({ description: 'Catalog summary (公开目录统计): disclosed records per category for an organization and a period.' })
export class CatalogSummary {
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Start of the period (inclusive), if given.' })
  from!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'End of the period (exclusive), if given.' })
  to!: Date | null;

  @Field(() => [CategoryCount], { nullable: 'items', description: 'Categories with at least one record, in catalog order; a null item marks a store that did not answer (see errors).' })
  categories!: (CategoryCount | Error)[];

  @Field(() => Int, { description: 'Records in all categories, from the stores that answered.' })
  total!: number;
}
