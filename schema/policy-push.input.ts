/** What a department system pushes for a policy (PolicyDocument); fields that refuse one record when wrong are nullable and checked per record. */
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { AttachmentPushInput } from './attachment-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

/** Descriptions shared by the office kinds' push inputs. */
export const PUSH_FIELD = {
  sourceId: "The department's own id of the record (1–100 characters of A-Z a-z 0-9 . _ -); the same id in a later push updates the record.",
  version: 'Version in the source system (an integer or an ISO-8601 timestamp); a record is stored only when its version is newer than the stored one.',
  organizationId: 'Id of the organization the record belongs to, e.g. org-neicuo-dzb (党政办); a department may push only its own.',
  channels: 'Channels (公开渠道): TOWN_PORTAL, DISTRICT_PORTAL, GOVERNMENT_BULLETIN_BOARD, VILLAGE_BULLETIN_BOARD, SMS_PLATFORM, READING_POINT; TOWN_PORTAL when absent.',
  day: 'written YYYY-MM-DD',
} as const;

@InputType({ description: 'A policy or normative document (政策及规范性文件) pushed by a department system, with its attachments.' })
export class PolicyDocumentPushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: `${PUSH_FIELD.organizationId} The issuing organization (发文机关).` })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (标题).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Document number (文号), when it has one.' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: `Day of issue (成文日期), ${PUSH_FIELD.day}.` })
  issuedOn?: string | null;

  @Field(() => String, { nullable: true, description: `Day it takes effect (施行日期), ${PUSH_FIELD.day}, when stated.` })
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Validity: IN_FORCE (现行有效), AMENDED (已修改) or REPEALED (已废止).' })
  validity?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is a normative document (行政规范性文件).' })
  normative?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Record ids of the documents that amend or replace it (empty for one in force).' })
  replacedByIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Full text (正文).' })
  body?: string | null;

  @Field(() => [AttachmentPushInput], { nullable: true, description: 'Attached files (at most 20), served at `Attachment.downloadUrl` once published.' })
  attachments?: AttachmentPushInput[] | null;

  @Field(() => [String], { nullable: true, description: PUSH_FIELD.channels })
  channels?: string[] | null;
}
