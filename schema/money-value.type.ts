/** An OCDS value: an amount of money and its currency. */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money (OCDS Value); `amount(unit:)` converts exactly between 元 and 万元.' })
export class MoneyValue {
  @Field(() => String, { description: 'ISO 4217 currency code (always CNY here).' })
  currency!: string;
}
