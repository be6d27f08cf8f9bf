/**
 * A short-lived memory of verified API keys, so that an authenticated
 * request does not read the office store each time (an analyst's cached
 * aggregation, a department's push). Only keys that verified are kept,
 * under the SHA-256 of the token (never the token itself), for at most
 * `ttlMs`; a token that does not verify is checked against the store every
 * time. A key revoked through this gateway (`revokeApiKey`, which calls the
 * same store) is forgotten at once, and a verification that was in flight
 * while any key was revoked is not kept. A key revoked elsewhere (the
 * `keys` command, another gateway process) is refused at most `ttlMs` later.
 */
import type { ApiKeyStore, ApiKeyVerification } from '../../datasources/credentials/api-key-store.js';
import { hashApiKeyToken } from '../../datasources/credentials/api-key-secret.js';

export interface VerifiedKeySettings {
  /** How long a verified key is trusted without the store. */
  ttlMs: number;
  /** Keys kept at most (the oldest go first). */
  maxEntries: number;
}

interface Entry {
  verification: ApiKeyVerification & { reason: null };
  expires: number;
}

/** Verifies API keys through `store`, remembering those that verified; `close()` stops listening to revocations. */
export class VerifiedKeyCache implements Pick<ApiKeyStore, 'verify'> {
  private readonly entries = new Map<string, Entry>();
  /** Revocations heard so far: a verification that saw another number when it started is not kept. */
  private revocations = 0;
  private readonly stopListening: () => void;

  constructor(
    private readonly store: Pick<ApiKeyStore, 'verify' | 'onRevoke'>,
    private readonly settings: VerifiedKeySettings,
    private readonly now: () => number = Date.now,
  ) {
    this.stopListening = store.onRevoke((id) => {
      this.revocations++;
      for (const [digest, entry] of this.entries) if (entry.verification.key.id === id) this.entries.delete(digest);
    });
  }

  async verify(token: string): Promise<ApiKeyVerification> {
    const digest = hashApiKeyToken(token);
    const known = this.entries.get(digest);
    if (known && known.expires > this.now()) return known.verification;
    if (known) this.entries.delete(digest);
    const startedAt = this.revocations;
    const verification = await this.store.verify(token);
    if (verification.key !== null && this.revocations === startedAt) {
      if (this.entries.size >= this.settings.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(digest, { verification, expires: this.now() + this.settings.ttlMs });
    }
    return verification;
  }

  close(): void {
    this.stopListening();
    this.entries.clear();
  }
}
