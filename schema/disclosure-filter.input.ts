/** Conditions on the catalog; every given condition must hold. */
import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { DisclosureKind } from './disclosure-kind.enum.js';

@InputType({ description: 'Conditions on disclosed records; every condition given must hold.' })
export class DisclosureFilter {
  @Field(() => ID, { nullable: true, description: 'Only records of this organization (global id).' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With `organizationId`: also records of its sub-organizations (departments, villages).' })
  includeSubOrganizations?: boolean;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these categories: DisclosureCategory values (e.g. ORGANIZATION_PERSONNEL) or their Chinese names (e.g. 机构职能人事任免).',
  })
  categories?: string[];

  @Field(() => [DisclosureKind], { nullable: true, description: 'Only these kinds of record.' })
  kinds?: DisclosureKind[];

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Published at or after this time (inclusive).' })
  publishedFrom?: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Published before this time (exclusive).' })
  publishedTo?: Date;

  @Field(() => String, { nullable: true, description: 'Text the title or body must contain, as a substring (Chinese works: e.g. 征地, 公务接待). Case and full-width forms are ignored.' })
  search?: string;
}
