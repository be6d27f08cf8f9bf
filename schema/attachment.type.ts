/** A file attached to a policy, downloadable from the gateway. */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A file attached to a document (附件), served by the gateway at `downloadUrl`.' })
export class Attachment {
  @Field(() => String, { description: 'File name as published (附件名称).' })
  name!: string;

  @Field(() => String, { description: 'IANA media type, e.g. application/pdf (sent as Content-Type on download).' })
  mediaType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, lower-case hex (also the download\'s ETag).' })
  sha256!: string;
}
