/** A published power list or public service list (目录清单). */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A published list (目录清单): the administrative approval list (行政审批目录清单) or the public service list (公共服务事项目录清单), with its items.',
})
export class PowerList extends Disclosure {
  @Field(() => String, { description: 'Introductory text of the list as published.' })
  body!: string;
}
