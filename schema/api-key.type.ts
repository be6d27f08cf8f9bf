/** API keys as the admin API shows them: never the secret, except once in `CreatedApiKey`. */
import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/** Roles a credential can carry (the public needs none). */
export enum CredentialRole {
  DEPARTMENT = 'department',
  REVIEWER = 'reviewer',
  ANALYST = 'analyst',
  ADMIN = 'admin',
}

registerEnumType(CredentialRole, {
  name: 'CredentialRole',
  description: 'What a credential (API key or JWT) may do (角色).',
  valuesConfig: {
    DEPARTMENT: { description: '部门: a department system or its staff; pushes and withdraws its own organization\'s records in its own stores.' },
    REVIEWER: { description: '保密审查员: approves or rejects records before publication; reads the ledger (台账).' },
    ANALYST: { description: '分析员: reads totals, comparisons and exports.' },
    ADMIN: { description: '管理员: everything, including API keys.' },
  },
});

/** The department stores a department credential may write. */
export enum DepartmentStore {
  FINANCE = 'finance',
  PROCUREMENT = 'procurement',
  PERSONNEL = 'personnel',
  OFFICE = 'office',
}

registerEnumType(DepartmentStore, {
  name: 'DepartmentStore',
  description: 'A department store of the gateway, as a department credential names the stores it may write.',
  valuesConfig: {
    FINANCE: { description: '财政所: 三公 expenses and allocated funds.' },
    PROCUREMENT: { description: '政府采购: tenders and awards.' },
    PERSONNEL: { description: '人事: appointments and dismissals (人事任免).' },
    OFFICE: { description: '党政办: organizations and published documents.' },
  },
});

@ObjectType({ description: 'An API key (接口密钥) of a machine client or person. Only the SHA-256 digest of its secret is stored; the secret is shown once, when it is created.' })
export class ApiKey {
  @Field(() => ID, { description: 'The key id (16 hex digits), also the middle part of its secret and of the principal `key:<id>` in the ledger.' })
  id!: string;

  @Field(() => CredentialRole, { description: 'What the key may do.' })
  role!: CredentialRole;

  @Field(() => [DepartmentStore], { description: 'For department keys: the stores it may write; empty for other roles.' })
  stores!: DepartmentStore[];

  @Field(() => String, { nullable: true, description: 'The source system the key belongs to (来源系统, e.g. 财务核算系统), recorded in the ledger.' })
  sourceSystem!: string | null;

  @Field(() => String, { nullable: true, description: 'A note for administrators (备注).' })
  label!: string | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the key was revoked (吊销); null while it is valid.' })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the key was revoked, as the administrator said.' })
  revocationReason!: string | null;
}

@ObjectType({ description: 'A newly created API key and its secret. The secret is shown only here and cannot be recovered: store it in the client now.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key as listed from now on.' })
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The secret to send as `Authorization: Bearer <secret>`; shown once.' })
  secret!: string;
}

@InputType({ description: 'An API key to create. Department keys name their organization and at least one store; other roles name neither.' })
export class CreateApiKeyInput {
  @Field(() => CredentialRole, { description: 'What the key may do.' })
  role!: CredentialRole;

  @Field(() => ID, { nullable: true, description: 'For department keys: the global id of the organization (`Organization.id`) whose records it writes.' })
  organizationId?: string | null;

  @Field(() => [DepartmentStore], { nullable: true, description: 'For department keys: the stores it may write.' })
  stores?: DepartmentStore[] | null;

  @Field(() => String, { nullable: true, description: 'The source system the key belongs to (来源系统), recorded in the ledger.' })
  sourceSystem?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for administrators (备注).' })
  label?: string | null;
}
