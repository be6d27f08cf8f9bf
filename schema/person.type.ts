/** A person named in a personnel decision (Popolo Person). */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { Gender } from './personnel.enums.js';

@ObjectType({ implements: Node, description: 'A person (人员) named in an appointment or dismissal; only what the published notice states.' })
export class Person extends Node {
  @Field(() => String, { description: 'Name (姓名).' })
  name!: string;

  @Field(() => Gender, { description: 'Gender (性别).' })
  gender!: Gender;

  @Field(() => Int, { description: 'Year of birth (出生年份), as the notice states it.' })
  birthYear!: number;
}
