/** API key administration for a running gateway: list, create, revoke; admins only. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CredentialInputError } from '../datasources/credentials/api-key-input.js';
import type { ApiKeyRecord } from '../datasources/credentials/api-key-store.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { ApiKey, CreateApiKeyInput, CreatedApiKey } from '../schema/api-key.type.js';
import { Organization } from '../schema/organization.type.js';
import { requireRole } from './authorize.js';
import { badUserInput } from './bad-user-input.js';
import { recordIdOf } from './global-id.js';

const ADMINISTER = 'administer API keys';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'For department keys: the organization whose records the key writes; null for other roles.' })
  organization(@Root() key: ApiKeyRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> | null {
    return key.organizationId === null ? null : context.loaders.organization.load(key.organizationId);
  }

  @Query(() => [ApiKey], { description: 'Every API key, oldest first, revoked ones included (admins only). Secrets are never listed.' })
  async apiKeys(@Ctx() context: GatewayContext): Promise<ApiKeyRecord[]> {
    requireRole(context.principal, [], ADMINISTER);
    return context.stores.credentials.list();
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key and returns its secret, once (admins only).' })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'What the key is for.' }) input: CreateApiKeyInput,
    @Ctx() context: GatewayContext,
  ): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
    requireRole(context.principal, [], ADMINISTER);
    const organizationId = input.organizationId == null ? null : recordIdOf(input.organizationId, 'Organization', 'input.organizationId');
    try {
      const { key, secret } = await context.stores.credentials.create(
        { role: input.role, organizationId, stores: input.stores ?? [], sourceSystem: input.sourceSystem ?? null, label: input.label ?? null },
        context.now,
      );
      return { apiKey: key, secret };
    } catch (error) {
      if (error instanceof CredentialInputError) throw badUserInput(`input.${error.argumentName}`, error.message);
      throw error;
    }
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key at once: requests with it are refused from now on (admins only). Revoking a revoked key changes nothing.' })
  async revokeApiKey(
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record.' }) reason: string | null | undefined,
    @Arg('id', () => ID, { description: 'The key id (`ApiKey.id`).' }) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<ApiKeyRecord> {
    requireRole(context.principal, [], ADMINISTER);
    try {
      return await context.stores.credentials.revoke(id, reason ?? null, context.now);
    } catch (error) {
      if (error instanceof CredentialInputError) throw badUserInput(error.argumentName, error.message);
      throw error;
    }
  }
}
