/**
 * API keys (the `apiKeys` collection of the office store). A key is created
 * once, shown once, and stored only as the SHA-256 of its secret; it can be
 * listed (never with its secret or digest) and revoked, after which it
 * verifies as revoked. Verification looks the key up by the id inside the
 * token and compares digests in constant time.
 */
import type { StoreConnection, CollectionIndexes } from '../store-connection.js';
import type { StoreName } from '../store-name.js';
import { ORGANIZATIONS } from '../office/office-store.js';
import { CredentialInputError, validateApiKeyRequest, validateRevocationReason, type ApiKeyRequest, type CredentialRole } from './api-key-input.js';
import { apiKeyIdOf, hashApiKeyToken, newApiKeyToken, tokenMatchesHash } from './api-key-secret.js';

export const API_KEYS = 'apiKeys';

/** Indexes of the `apiKeys` collection (keys are found by `_id`; the list is ordered by creation). */
export const API_KEY_INDEXES: CollectionIndexes = {
  collection: API_KEYS,
  indexes: [{ key: { createdAt: 1, _id: 1 }, name: 'createdAt_1__id_1' }],
};

/** What is known of a key, without its secret. */
export interface ApiKeyRecord {
  id: string;
  role: CredentialRole;
  organizationId: string | null;
  stores: StoreName[];
  sourceSystem: string | null;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
}

interface ApiKeyDoc extends Omit<ApiKeyRecord, 'id'> {
  _id: string;
  secretHash: string;
}

/** Why a token did not verify: not shaped like a key, no key with its id or secret, or a revoked key. */
export type ApiKeyRefusal = 'malformed' | 'unknown' | 'revoked';

export type ApiKeyVerification = { key: ApiKeyRecord; reason: null } | { key: null; reason: ApiKeyRefusal };

/** No key has this id. */
export class ApiKeyNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(id: string) {
    super(`No API key has the id ${JSON.stringify(id)}`);
    this.name = 'ApiKeyNotFoundError';
  }
}

function toRecord({ _id, secretHash: _secretHash, ...rest }: ApiKeyDoc): ApiKeyRecord {
  return { id: _id, ...rest };
}

/** Creates, lists, revokes and verifies API keys; every call is bounded by the office store's timeout. */
export class ApiKeyStore {
  /** Told the id of every key revoked through this object (caches of verified keys drop it). */
  private readonly revocationListeners = new Set<(id: string) => void>();

  constructor(readonly connection: StoreConnection) {}

  /** Calls `listener` with the id of each key revoked through this store from now on; the returned function stops it. */
  onRevoke(listener: (id: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** Creates a key after validating the request (and that a department's organization exists); returns its record and its secret, which is not kept. */
  async create(request: ApiKeyRequest, now: Date = new Date()): Promise<{ key: ApiKeyRecord; id: string; secret: string }> {
    const valid = validateApiKeyRequest(request);
    if (valid.organizationId !== null) {
      const organizationId = valid.organizationId;
      const known = await this.connection.run((db) => db.collection<{ _id: string }>(ORGANIZATIONS).countDocuments({ _id: organizationId }, { limit: 1 }));
      if (known === 0) throw new CredentialInputError('organizationId', `Unknown organization ${JSON.stringify(organizationId)}`);
    }
    const { id, token } = newApiKeyToken();
    const doc: ApiKeyDoc = { _id: id, ...valid, createdAt: now, revokedAt: null, revocationReason: null, secretHash: hashApiKeyToken(token) };
    await this.connection.run((db) => db.collection<ApiKeyDoc>(API_KEYS).insertOne(doc));
    return { key: toRecord(doc), id, secret: token };
  }

  /** Every key, oldest first, revoked ones included; never a secret or digest. */
  async list(): Promise<ApiKeyRecord[]> {
    const docs = await this.connection.run((db) =>
      db.collection<ApiKeyDoc>(API_KEYS).find({}, { sort: { createdAt: 1, _id: 1 }, projection: { secretHash: 0 } }).toArray(),
    );
    return docs.map(toRecord);
  }

  /** The key with this id, or null. */
  async get(id: string): Promise<ApiKeyRecord | null> {
    const doc = await this.connection.run((db) => db.collection<ApiKeyDoc>(API_KEYS).findOne({ _id: id }, { projection: { secretHash: 0 } }));
    return doc ? toRecord(doc) : null;
  }

  /** Revokes the key; revoking a revoked key keeps its first revocation. Throws ApiKeyNotFoundError for an unknown id, CredentialInputError for an unusable reason. */
  async revoke(id: string, reason: string | null = null, now: Date = new Date()): Promise<ApiKeyRecord> {
    const revocationReason = validateRevocationReason(reason);
    const doc = await this.connection.run((db) =>
      db.collection<ApiKeyDoc>(API_KEYS).findOneAndUpdate(
        { _id: id, revokedAt: null },
        { $set: { revokedAt: now, revocationReason } },
        { returnDocument: 'after', projection: { secretHash: 0 } },
      ),
    );
    for (const listener of this.revocationListeners) listener(id);
    if (doc) return toRecord(doc);
    const existing = await this.get(id);
    if (!existing) throw new ApiKeyNotFoundError(id);
    return existing;
  }

  /** The key a token stands for, or why it does not stand for one. */
  async verify(token: string): Promise<ApiKeyVerification> {
    const id = apiKeyIdOf(token);
    if (id === null) return { key: null, reason: 'malformed' };
    const doc = await this.connection.run((db) => db.collection<ApiKeyDoc>(API_KEYS).findOne({ _id: id }));
    if (!doc || !tokenMatchesHash(token, doc.secretHash)) return { key: null, reason: 'unknown' };
    if (doc.revokedAt !== null) return { key: null, reason: 'revoked' };
    return { key: toRecord(doc), reason: null };
  }
}
