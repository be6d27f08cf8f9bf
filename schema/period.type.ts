/** A date range, inclusive at both ends. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A period of calendar days (China Standard Time), inclusive at both ends (OCDS Period).' })
export class Period {
  @Field(() => GraphQLLocalDate, { description: 'First day (YYYY-MM-DD).' })
  startDate!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day (YYYY-MM-DD).' })
  endDate!: string;
}
