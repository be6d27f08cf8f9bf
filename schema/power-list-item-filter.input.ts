/** Conditions on power list items. */
import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { PowerKind } from './power-list.enums.js';

@InputType({ description: 'Conditions on power list items; every condition given must hold.' })
export class PowerListItemFilter {
  @Field(() => [PowerKind], { nullable: true, description: 'Items of any of these kinds.' })
  kinds?: PowerKind[];

  @Field(() => ID, { nullable: true, description: 'Global id of the handling organization (办理机构).' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, description: 'With `organizationId`: also items handled by its departments and villages (default false).' })
  includeSubOrganizations?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only items delegated from the district (true) or only the others (false).' })
  delegatedFromDistrict?: boolean;

  @Field(() => ID, { nullable: true, description: 'Global id of a PowerList: only its items.' })
  listId?: string;
}
