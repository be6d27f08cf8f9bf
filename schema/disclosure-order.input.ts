/** The order of the catalog. */
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { DisclosureOrderField, OrderDirection } from './ordering.enums.js';

@InputType({ description: 'Sort order of the catalog; ties are broken by record id in the same direction.' })
export class DisclosureOrder {
  @Field(() => DisclosureOrderField, { defaultValue: DisclosureOrderField.PUBLISHED_AT, description: 'Field to sort by.' })
  field!: DisclosureOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction.' })
  direction!: OrderDirection;
}
