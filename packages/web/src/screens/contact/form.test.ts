import { assess } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import type { Contact, Person } from '../../api/types.ts';
import { differences, emptyForm, fromContact, merge, toAssessmentInput, toContactIn } from './form.ts';

const baby: Person = {
  id: 'child-1',
  kind: 'child',
  givenName: 'Noor',
  familyName: 'Jansen',
  birthDate: '2025-01-10',
  dueDate: null,
  firstChild: true,
  nationalId: null,
  version: 1,
};
const unborn: Person = { ...baby, id: 'child-2', birthDate: null, dueDate: '2026-06-01' };
const mother: Person = {
  id: 'p1',
  kind: 'caregiver',
  givenName: 'Eva',
  familyName: 'Jansen',
  role: 'mother',
  birthYear: 2006,
  lowEducation: true,
  phone: null,
  nationalId: null,
  version: 1,
};

function inputOf(...args: Parameters<typeof toAssessmentInput>) {
  const result = toAssessmentInput(...args);
  if (!result?.ok) throw new Error(`no input: ${JSON.stringify(result)}`);
  return result.value;
}

describe('contact form → engine input', () => {
  it('computes the age on the contact date and the parent age from the birth year', () => {
    const form = { ...emptyForm(baby, '2026-03-15'), cues: { child_accepts_comfort: true as const } };
    const input = inputOf(form, baby, [mother], 'nl');
    expect(input.child).toEqual({ ageMonths: 14, firstChild: true });
    expect(input.parents).toEqual([{ role: 'mother', ageYears: 20, lowEducation: true }]);
    expect(input.cues).toEqual({ child_accepts_comfort: true });
  });

  it('gives an unborn child weeks of gestation and starts with a prenatal visit', () => {
    const form = emptyForm(unborn, '2026-01-12');
    expect(form.type).toBe('prenatal_visit');
    expect(inputOf(form, unborn, [], 'be').child).toEqual({ gestationWeeks: 20, firstChild: true });
  });

  it('counts a child born on 29 February as the server does: 11 months on 28 February, 12 on 1 March', () => {
    const leap = { ...baby, birthDate: '2024-02-29' };
    expect(inputOf(emptyForm(leap, '2025-02-28'), leap, [], 'nl').child).toEqual({
      ageMonths: 11,
      firstChild: true,
    });
    expect(inputOf(emptyForm(leap, '2025-03-01'), leap, [], 'nl').child).toEqual({
      ageMonths: 12,
      firstChild: true,
    });
  });

  it('gives no input, with the reason, for a date that does not fit the child (never a clamped age)', () => {
    expect(toAssessmentInput(emptyForm(baby, '2025-01-09'), baby, [], 'nl')).toMatchObject({
      ok: false,
      error: { error: 'child_age', field: 'date', reason: 'before_birth' },
    });
    expect(toAssessmentInput(emptyForm(unborn, '2025-06-01'), unborn, [], 'nl')).toMatchObject({
      ok: false,
      error: { reason: 'outside_pregnancy' },
    });
    expect(toAssessmentInput(emptyForm(baby, '2026-03-15'), undefined, [], 'nl')).toBeNull();
  });

  it('leaves out a parent age outside 10–90 rather than clamping it', () => {
    const typo = { ...mother, birthYear: 2019 };
    expect(inputOf(emptyForm(baby, '2026-03-15'), baby, [typo], 'nl').parents).toEqual([
      { role: 'mother', lowEducation: true },
    ]);
  });

  it('passes factor values, not who reported them, to the engine', () => {
    const form = {
      ...emptyForm(baby, '2026-03-15'),
      factors: {
        parent_depression: { value: 'present' as const, reportedBy: 'parent' as const },
        social_network_support: { value: 'absent' as const, reportedBy: 'professional' as const },
      },
    };
    expect(inputOf(form, baby, [], 'nl').factors).toEqual({
      parent_depression: 'present',
      social_network_support: 'absent',
    });
  });

  it('two referral criteria lead the live engine to advise a referral outside JGZ', () => {
    const form = {
      ...emptyForm(baby, '2026-03-15'),
      criteria: {
        regulation_problems_persistent: true as const,
        parent_worry_or_overload_persistent: true as const,
      },
    };
    const result = assess(inputOf(form, baby, [mother], 'nl'), knowledge);
    expect(result.referral.referOutside).toBe(true);
    expect(result.recommendations.map((r) => r.category)).toContain('refer_outside');
  });
});

describe('contact form → request body', () => {
  it('leaves empty texts out and keeps the next topic only with permission', () => {
    const form = emptyForm(baby, '2026-03-15');
    form.agreement = {
      text: ' Samen spelen ',
      nextTopic: 'slapen',
      nextTopicPermission: false,
      extraContact: false,
      followUpDue: '2026-04-01',
    };
    const body = toContactIn(form, 'final');
    expect(body.agreement).toEqual({
      text: 'Samen spelen',
      nextTopicPermission: false,
      extraContact: false,
      followUpDue: '2026-04-01',
    });
    expect(body.agreedBand).toBeUndefined();
    expect(body.notes).toBeUndefined();
    form.agreement.nextTopicPermission = true;
    expect(toContactIn(form, 'final').agreement?.nextTopic).toBe('slapen');
  });

  it('round-trips through a stored contact', () => {
    const form = {
      ...emptyForm(baby, '2026-03-15'),
      cues: { shared_enjoyment: true as const },
      agreedBand: 'safe' as const,
    };
    const contact: Contact = {
      ...toContactIn(form, 'draft'),
      id: 'c1',
      familyId: 'f1',
      professional: { id: 'u1', displayName: null },
      childAgeMonths: 14,
      gestationWeeks: null,
      cues: form.cues,
      factors: {},
      parentFactors: {},
      criteria: {},
      agreedBand: 'safe',
      agreedBandNotDiscussed: false,
      agreedNote: null,
      agreement: null,
      notes: null,
      createdAt: '2026-03-15T10:00:00.000Z',
      updatedAt: '2026-03-15T10:00:00.000Z',
      version: 2,
    };
    expect(fromContact(contact)).toEqual(form);
  });
});

describe('conflicts', () => {
  const base = emptyForm(baby, '2026-03-15');
  const mine = {
    ...base,
    cues: { shared_enjoyment: true as const },
    factors: { parent_stress: { value: 'present' as const, reportedBy: 'parent' as const } },
  };
  const theirs = {
    ...base,
    cues: { relaxed_contact: true as const },
    criteria: { insufficient_jgz_support: true as const },
    factors: { parent_stress: { value: 'absent' as const, reportedBy: 'professional' as const } },
    agreement: { ...base.agreement, text: 'Extra consult' },
  };

  it('lists what differs', () => {
    const diff = differences(mine, theirs);
    expect(diff).toContainEqual({ kind: 'cue', code: 'shared_enjoyment', mine: 'yes', theirs: 'no' });
    expect(diff).toContainEqual({ kind: 'cue', code: 'relaxed_contact', mine: 'no', theirs: 'yes' });
    expect(diff).toContainEqual({ kind: 'factor', code: 'parent_stress', mine: 'present', theirs: 'absent' });
    expect(diff).toContainEqual({
      kind: 'criterion',
      code: 'insufficient_jgz_support',
      mine: 'no',
      theirs: 'yes',
    });
    expect(differences(mine, mine)).toEqual([]);
  });

  it('merges: everything either recorded, my factor values and texts first', () => {
    const merged = merge(mine, theirs);
    expect(merged.cues).toEqual({ shared_enjoyment: true, relaxed_contact: true });
    expect(merged.criteria).toEqual({ insufficient_jgz_support: true });
    expect(merged.factors.parent_stress?.value).toBe('present');
    expect(merged.agreement.text).toBe('Extra consult');
  });
});
