import { describe, expect, test } from 'vitest';
import { CredentialInputError, validateApiKeyRequest, validateRevocationReason } from '../../../datasources/credentials/api-key-input.js';
import { apiKeyIdOf, hashApiKeyToken, newApiKeyToken, tokenMatchesHash } from '../../../datasources/credentials/api-key-secret.js';

function refusedField(request: Parameters<typeof validateApiKeyRequest>[0]): string {
  try {
    validateApiKeyRequest(request);
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialInputError);
    return (error as CredentialInputError).argumentName;
  }
  throw new Error('expected a CredentialInputError');
}

describe('validating a key request', () => {
  test('a department key keeps its organization, its stores once each, and trimmed texts', () => {
    expect(validateApiKeyRequest({ role: 'department', organizationId: ' org-a ', stores: ['finance', 'finance', 'office'], sourceSystem: ' 财务核算系统 ', label: null })).toEqual({
      role: 'department',
      organizationId: 'org-a',
      stores: ['finance', 'office'],
      sourceSystem: '财务核算系统',
      label: null,
    });
  });

  test('other roles carry neither organization nor stores', () => {
    expect(validateApiKeyRequest({ role: 'reviewer' })).toEqual({ role: 'reviewer', organizationId: null, stores: [], sourceSystem: null, label: null });
  });

  test.each([
    [{ role: 'public' }, 'role'],
    [{ role: 'root' }, 'role'],
    [{ role: 'department', stores: ['finance'] }, 'organizationId'],
    [{ role: 'department', organizationId: 'org-a' }, 'stores'],
    [{ role: 'department', organizationId: 'org-a', stores: [] }, 'stores'],
    [{ role: 'department', organizationId: 'org-a', stores: ['treasury'] }, 'stores'],
    [{ role: 'analyst', organizationId: 'org-a' }, 'organizationId'],
    [{ role: 'admin', stores: ['finance'] }, 'stores'],
    [{ role: 'admin', label: '' }, 'label'],
    [{ role: 'admin', label: 'x'.repeat(201) }, 'label'],
    [{ role: 'admin', sourceSystem: 'line\nforged: yes' }, 'sourceSystem'],
  ])('%j is refused on %s', (request, field) => {
    expect(refusedField(request)).toBe(field);
  });
});

describe('validating a revocation reason', () => {
  test('is trimmed, or null when not given', () => {
    expect(validateRevocationReason('  leaked ')).toBe('leaked');
    expect(validateRevocationReason(undefined)).toBeNull();
  });

  test.each(['', 'two\nlines', 'x'.repeat(201)])('%j is refused on reason', (reason) => {
    expect(() => validateRevocationReason(reason)).toThrow(CredentialInputError);
  });
});

describe('API key tokens', () => {
  test('carry their id, 32 random bytes, and differ every time', () => {
    const a = newApiKeyToken();
    const b = newApiKeyToken();
    expect(a.token).toMatch(/^dgk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyIdOf(a.token)).toBe(a.id);
    expect(a.token).not.toBe(b.token);
    expect(a.id).not.toBe(b.id);
  });

  test.each(['dgk_', 'dgk_0123456789abcdef', `dgk_0123456789ABCDEF_${'A'.repeat(43)}`, `dgk_0123456789abcdef_${'A'.repeat(42)}`, `dgk_0123456789abcdef_${'A'.repeat(43)}x`])(
    '%s is not a token',
    (token) => {
      expect(apiKeyIdOf(token)).toBeNull();
    },
  );

  test('match only their own digest', () => {
    const { token } = newApiKeyToken();
    const digest = hashApiKeyToken(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatchesHash(token, digest)).toBe(true);
    expect(tokenMatchesHash(newApiKeyToken().token, digest)).toBe(false);
    expect(tokenMatchesHash(token, 'abcd')).toBe(false);
  });
});
