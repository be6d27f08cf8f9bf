/** Reading points (政府信息公开查阅点) and the deliveries of materials to them. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.interface.js';

export enum ReadingPointType {
  LIBRARY = 'LIBRARY',
  ARCHIVES = 'ARCHIVES',
  SERVICE_CENTER = 'SERVICE_CENTER',
}

registerEnumType(ReadingPointType, {
  name: 'ReadingPointType',
  description: 'Kind of a reading point.',
  valuesConfig: {
    LIBRARY: { description: '图书馆: a public library.' },
    ARCHIVES: { description: '档案馆: an archives.' },
    SERVICE_CENTER: { description: '便民服务中心: a service centre of the town.' },
  },
});

@ObjectType({ implements: Node, description: 'A reading point (政府信息公开查阅点) where the public reads disclosed materials: address, hours, and the deliveries it received.' })
export class ReadingPoint extends Node {
  @Field(() => String, { description: 'Name (名称).' })
  name!: string;

  @Field(() => ReadingPointType, { description: 'Kind of reading point.' })
  type!: ReadingPointType;

  @Field(() => String, { description: 'Address (地址).' })
  address!: string;

  @Field(() => String, { description: 'Opening hours as announced (开放时间).' })
  openingHours!: string;

  @Field(() => String, { nullable: true, description: 'Telephone (联系电话), when published.' })
  phone!: string | null;
}

@ObjectType({ implements: Node, description: 'A delivery of disclosed materials to a reading point (送达): what, when, how many copies.' })
export class ReadingPointDelivery extends Node {
  @Field(() => GraphQLLocalDate, { description: 'Day delivered (送达日期).' })
  deliveredOn!: string;

  @Field(() => String, { description: 'What was delivered, in words (送达材料).' })
  description!: string;

  @Field(() => Int, { description: 'Copies of each record delivered (份数).' })
  copies!: number;
}
