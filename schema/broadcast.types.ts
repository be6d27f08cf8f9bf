/** Broadcasts (信息发布记录) on the SMS platform and the bulletin boards, and their per-channel totals. */
import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Channel } from './channel.enum.js';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A broadcast (信息发布记录): one message sent on the SMS platform (镇短信平台) or one posting on the bulletin boards, with its message count and the records it announced.',
})
export class Broadcast extends Disclosure {
  @Field(() => Channel, { description: 'Channel it went out on: SMS_PLATFORM, GOVERNMENT_BULLETIN_BOARD or VILLAGE_BULLETIN_BOARD.' })
  channel!: Channel;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was sent or posted.' })
  sentAt!: Date;

  @Field(() => Int, { description: 'Messages sent (SMS: one per recipient) or boards posted on (one per board).' })
  messageCount!: number;

  @Field(() => String, { description: 'The text sent or posted.' })
  content!: string;
}

@ObjectType({ description: 'Broadcasts and messages of one channel over a period (the report\'s 通过短信公开平台发布累计19073条).' })
export class BroadcastTotal {
  @Field(() => Channel, { description: 'The channel.' })
  channel!: Channel;

  @Field(() => Int, { description: 'Number of broadcasts.' })
  broadcasts!: number;

  @Field(() => Int, { description: 'Sum of their message counts (条).' })
  messages!: number;
}
