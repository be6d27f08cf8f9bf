/** What a department system pushes for an interpretation (Interpretation). */
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { PUSH_FIELD } from './policy-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

@InputType({ description: 'An interpretation of policies (政策解读) pushed by a department system.' })
export class InterpretationPushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: PUSH_FIELD.organizationId })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (标题); composed from the body when absent.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Form: TEXT (文字), GRAPHIC (图片), VIDEO (视频), INTERVIEW (访谈) or MEDIA_REPORT (媒体报道).' })
  form?: string | null;

  @Field(() => [String], { nullable: true, description: 'Record ids of the policies it explains (at least one).' })
  policyIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Text, or the description of the graphic, video or report.' })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the graphic, video, interview or report is; required for every form but TEXT.' })
  mediaUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Outlet of a media report (媒体名称).' })
  mediaOutlet?: string | null;

  @Field(() => [String], { nullable: true, description: PUSH_FIELD.channels })
  channels?: string[] | null;
}
