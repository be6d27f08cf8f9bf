/** The ledger (台账): one entry per accepted change of a pushed record, append-only. */
import 'reflect-metadata';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from './connection.factory.js';
import { SourceVersionScalar } from './push-version.scalar.js';

export enum LedgerAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  WITHDRAW = 'WITHDRAW',
}

registerEnumType(LedgerAction, {
  name: 'LedgerAction',
  description: 'What the change was.',
  valuesConfig: {
    CREATE: { description: '新增: the first version of a record was pushed (published at once when `published`).' },
    UPDATE: { description: '更新: a newer version was pushed (published at once when `published`).' },
    APPROVE: { description: '审核通过: a reviewer approved a version; it became public.' },
    REJECT: { description: '审核不通过: a reviewer rejected a version.' },
    WITHDRAW: { description: '撤回: the department withdrew the record; it left the public catalog.' },
  },
});

@ObjectType({ description: 'One field that differs between a version and the one before it.' })
export class FieldChange {
  @Field(() => String, { description: 'Path of the field, e.g. items[1].amount.' })
  path!: string;

  @Field(() => String, { nullable: true, description: 'Value before (null: absent).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Value after (null: removed).' })
  after!: string | null;
}

@ObjectType({ description: 'One entry of the ledger (台账): who changed which record, when, from which system, what and why.' })
export class LedgerEntry {
  @Field(() => ID, { description: 'Id of the entry (stable: the same change is never recorded twice).' })
  id!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the change was made.' })
  at!: Date;

  @Field(() => LedgerAction, { description: 'What the change was.' })
  action!: LedgerAction;

  @Field(() => String, { description: 'Principal id of who made it (key:<id>, jwt:<issuer>#<subject>).' })
  principalId!: string;

  @Field(() => String, { description: 'Role of that principal when it acted.' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Source system (来源系统), e.g. 财务核算系统.' })
  sourceSystem!: string | null;

  @Field(() => String, { description: 'Record kind.' })
  kind!: string;

  @Field(() => String, { description: 'Id of the organization the record belongs to.' })
  organizationId!: string;

  @Field(() => String, { description: "The department's own id of the record." })
  sourceId!: string;

  @Field(() => ID, { description: 'Global id of the live record.' })
  recordId!: string;

  @Field(() => SourceVersionScalar, { description: 'The version the change concerns.' })
  version!: number | string;

  @Field(() => SourceVersionScalar, { nullable: true, description: 'CREATE/UPDATE: the version replaced; APPROVE/REJECT/WITHDRAW: the version public before.' })
  previousVersion!: number | string | null;

  @Field(() => Boolean, { description: 'Whether the change made the version public.' })
  published!: boolean;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The full content of the version (CREATE, UPDATE, APPROVE); null for REJECT and WITHDRAW.' })
  content!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Review comment (审核意见).' })
  comment!: string | null;

  @Field(() => String, { nullable: true, description: 'Withdrawal reason (撤回原因).' })
  reason!: string | null;
}

@ObjectType({ description: 'A page of ledger entries, newest first (Relay connection).' })
export class LedgerConnection extends connectionType('LedgerEntry', LedgerEntry, 'ledger entry') {}

@InputType({ description: 'Which ledger entries to list; every condition given must hold.' })
export class LedgerFilter {
  @Field(() => String, { nullable: true, description: "Only this organization's records (its id, e.g. org-neicuo-czs)." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this record (its global id).' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes by this principal.' })
  principalId?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only changes at or after this instant.' })
  from?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only changes before this instant.' })
  to?: Date | null;
}
