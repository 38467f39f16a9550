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

  it.each([
    ['keyboard row', 'qwertyuiopas'],
    ['alphabet sequence', 'abcdefghijkl'],
    ['digits then letters', '1234567890ab'],
  ])('rejects a %s as too easy to guess (zxcvbn score < 3)', (_label, password) => {
    expect(checkPasswordPolicy(password)).toMatchObject({ ok: false });
    expect(checkPasswordPolicy(password)).not.toMatchObject({ reason: 'too_short' });
  });

  it("rejects the organisation's name with a year", () => {
    const context = {
      email: 'p.janssen@veldland.example',
      name: 'Petra Janssen',
      organisation: 'GGD Veldland',
    };
    expect(checkPasswordPolicy('Veldland2026', context)).toMatchObject({ ok: false, reason: 'personal' });
    expect(checkPasswordPolicy('Petra-Janssen-1984', context)).toMatchObject({
      ok: false,
      reason: 'personal',
    });
  });

  it('gives a stable reason code with every refusal', () => {
    expect(checkPasswordPolicy('kort')).toMatchObject({ ok: false, reason: 'too_short' });
    expect(checkPasswordPolicy('1qaz2wsx3edc')).toMatchObject({ ok: false, reason: 'common' });
    expect(checkPasswordPolicy('qwertyuiopas')).toMatchObject({ ok: false, reason: 'weak' });
  });

  it('rejects a password containing the e-mail name', () => {
    const result = checkPasswordPolicy('janssen-loves-coffee', { email: 'p.janssen@ggd.example' });
    expect(result).toEqual({ ok: false, reason: 'personal', message: expect.stringContaining('e-mail') });
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
