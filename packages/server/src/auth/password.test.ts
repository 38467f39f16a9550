import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('hashes with argon2id at ASVS parameters and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever password')).toBe(false);
    expect(needsRehash('not-a-hash')).toBe(true);
  });

  it('matches the same password typed in another Unicode normal form', async () => {
    const hash = await hashPassword('cafe\u0301 au lait met suiker');
    expect(await verifyPassword(hash, 'café au lait met suiker')).toBe(true);
  });
});

describe('password policy', () => {
  it.each([
    ['short', 'kort wacht'],
    ['common', '1qaz2wsx3edc'],
    ['common with digits', 'Password123456'],
    ['common with symbols around', '!!!Sunshine2024!!!'],
    ['Dutch common', 'Wachtwoord2025'],
    ['repetition', 'abcabcabcabc'],
    ['few characters', 'aaaaaaaaaaaab'],
  ])('rejects a %s password', (_label, password) => {
    expect(checkPasswordPolicy(password).ok).toBe(false);
  });

  it('rejects a password containing the e-mail name', () => {
    const result = checkPasswordPolicy('janssen-loves-coffee', { email: 'p.janssen@ggd.example' });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('e-mail') });
  });

  it('rejects over 128 characters', () => {
    expect(checkPasswordPolicy('x'.repeat(60) + 'yz'.repeat(40)).ok).toBe(false);
  });

  it('accepts a long passphrase without composition rules', () => {
    expect(
      checkPasswordPolicy('paarse olifant fietst naar huis', { email: 'a.de.vries@ggd.example' }),
    ).toEqual({
      ok: true,
    });
  });
});
