/** What a department system pushes for a broadcast (Broadcast). */
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { PUSH_FIELD } from './policy-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

@InputType({ description: 'A disclosed record a broadcast announced or a reading point received: its kind and record id.' })
export class RecordRefPushInput {
  @Field(() => String, { nullable: true, description: 'Kind of the record, a DisclosureKind value, e.g. FundAllocation.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Record id (the id inside its global id).' })
  id?: string | null;
}

@InputType({ description: 'A broadcast on the SMS platform or a bulletin board (信息发布记录) pushed by a department system.' })
export class BroadcastPushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: PUSH_FIELD.organizationId })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Channel: SMS_PLATFORM, GOVERNMENT_BULLETIN_BOARD or VILLAGE_BULLETIN_BOARD.' })
  channel?: string | null;

  @Field(() => String, { nullable: true, description: 'When it was sent, ISO-8601 with its offset, e.g. 2015-03-30T15:00:00+08:00.' })
  sentAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Messages sent (SMS: one per recipient) or boards posted on; at least 1.' })
  messageCount?: number | null;

  @Field(() => String, { nullable: true, description: 'The text sent.' })
  content?: string | null;

  @Field(() => [RecordRefPushInput], { nullable: true, description: 'The records it announced.' })
  announced?: RecordRefPushInput[] | null;

  @Field(() => String, { nullable: true, description: 'Title (标题); composed from the channel and the text when absent.' })
  title?: string | null;
}
