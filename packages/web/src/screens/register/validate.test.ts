import { isValidNationalId, type NationalIdSystem, nationalIdDigits } from '@nestwerk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCaregiver, emptyChild, type FamilyValues, validateFamily } from './validate.ts';

const TODAY = '2026-12-04';

function family(childId: string, caregiverId: string): FamilyValues {
  return {
    name: 'Peeters',
    postcode: '',
    municipality: '',
    child: { ...emptyChild('Peeters'), givenName: 'Noor', birthDate: '2026-10-01', nationalId: childId },
    caregivers: [{ ...emptyCaregiver('Peeters'), givenName: 'An', nationalId: caregiverId }],
  };
}

describe('the register form checks a national number before sending it', () => {
  it('names the field of a Flemish number whose check digits fail, with the server’s message', () => {
    // 85.07.30-033.28 is a valid INSZ; its last digit changed is not.
    expect(validateFamily(family('85.07.30-033.29', '85073003328'), TODAY, 'insz')).toEqual({
      'child-national-id': 'app.fieldErrors.invalid_insz',
    });
    expect(validateFamily(family('', '85073003327'), TODAY, 'insz')).toEqual({
      'caregiver-0-national-id': 'app.fieldErrors.invalid_insz',
    });
  });

  it('holds a Dutch number to the elfproef and leaves an empty field alone', () => {
    expect(validateFamily(family('111222333', '  '), TODAY, 'bsn')).toEqual({});
    expect(validateFamily(family('111222334', ''), TODAY, 'bsn')).toEqual({
      'child-national-id': 'app.fieldErrors.invalid_bsn',
    });
    // An INSZ is not a BSN: the region decides which number is asked for.
    expect(validateFamily(family('85073003328', ''), TODAY, 'bsn')).toEqual({
      'child-national-id': 'app.fieldErrors.invalid_bsn',
    });
  });

  it('property: the form refuses exactly what the contract’s check refuses', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9 .-]{0,14}$/),
        fc.constantFrom<NationalIdSystem>('bsn', 'insz'),
        (typed, system) => {
          const errors = validateFamily(family(typed, ''), TODAY, system);
          // Anything typed must be a whole number of the region; separators alone are not one.
          const refused = typed.trim() !== '' && !isValidNationalId(system, nationalIdDigits(typed));
          expect('child-national-id' in errors).toBe(refused);
        },
      ),
      { numRuns: 300 },
    );
  });
});
