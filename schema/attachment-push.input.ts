/** A file attached to a pushed policy. */
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A file attached to a pushed document (附件): name, media type and the bytes base64-encoded (at most 256 KiB); size and SHA-256 are computed by the gateway.' })
export class AttachmentPushInput {
  @Field(() => String, { nullable: true, description: 'File name as published, e.g. 附件1：补偿标准表.pdf.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA media type, e.g. application/pdf.' })
  mediaType?: string | null;

  @Field(() => String, { nullable: true, description: 'The file\'s bytes, base64 (RFC 4648, with padding).' })
  contentBase64?: string | null;
}
