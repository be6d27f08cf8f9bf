/** What a department system pushes for a portal column item (PortalArticle). */
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { PUSH_FIELD } from './policy-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

@InputType({ description: 'An image of a pushed portal item.' })
export class PortalImagePushInput {
  @Field(() => String, { nullable: true, description: 'Address of the image file on the portal.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Caption (图片说明).' })
  caption?: string | null;

  @Field(() => Int, { nullable: true, description: 'Width in pixels.' })
  width?: number | null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels.' })
  height?: number | null;
}

@InputType({ description: 'An item of a portal column (工作动态, 通知通告, 图片新闻) pushed by a department system.' })
export class PortalArticlePushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: PUSH_FIELD.organizationId })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Column: WORK_NEWS (工作动态), NOTICES (通知通告) or PHOTO_NEWS (图片新闻, needs an image).' })
  column?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (标题).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Full text (正文).' })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary for the list page; the first sentence of the body when absent.' })
  summary?: string | null;

  @Field(() => [PortalImagePushInput], { nullable: true, description: 'Images, in the order shown.' })
  images?: PortalImagePushInput[] | null;

  @Field(() => String, { nullable: true, description: `Day of the reported event, ${PUSH_FIELD.day}, when it is not the publication day.` })
  eventOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Source (来源); the organization id when absent.' })
  source?: string | null;

  @Field(() => [String], { nullable: true, description: PUSH_FIELD.channels })
  channels?: string[] | null;
}
