/** A supplier in government procurement (OCDS party with the supplier role). */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({ implements: Node, description: 'A supplier (供应商) that took part in or won a government procurement (OCDS party, role supplier).' })
export class Supplier extends Node {
  @Field(() => String, { description: 'Registered name (企业名称).' })
  name!: string;

  @Field(() => String, { description: 'Unified social credit code (统一社会信用代码, identifier scheme CN-USCC).' })
  creditCode!: string;

  @Field(() => String, { description: 'Locality (所在地), e.g. 厦门市翔安区.' })
  locality!: string;
}
