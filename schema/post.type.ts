/** A post in an organization (Popolo Post). */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({ implements: Node, description: 'A post (职务) in an organization, e.g. 内厝镇财政所所长. Popolo Post.' })
export class Post extends Node {
  @Field(() => String, { description: 'Label of the post (职务名称).' })
  label!: string;
}
