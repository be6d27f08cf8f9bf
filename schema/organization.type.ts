/** An organization of the hierarchy district → town → departments and villages (Popolo Organization). */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { OrganizationClassification } from './organization-classification.enum.js';

@ObjectType({
  implements: Node,
  description: 'An organization (组织机构): the district (区), the town (镇), a town department (部门) or a village committee (村委会). Popolo Organization.',
})
export class Organization extends Node {
  @Field(() => String, { description: 'Official name (名称), e.g. 厦门市翔安区内厝镇人民政府.' })
  name!: string;

  @Field(() => [String], { description: 'Other names in use (简称), e.g. 内厝镇.' })
  otherNames!: string[];

  @Field(() => OrganizationClassification, { description: 'Level in the hierarchy (Popolo classification).' })
  classification!: OrganizationClassification;

  @Field(() => String, { description: 'What the organization does (机构职能).' })
  description!: string;
}
