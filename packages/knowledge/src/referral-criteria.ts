import type { ReferralCriterionCode } from './codes.ts';
import { DOC, listByCode, src } from './sources.ts';
import type { ReferralCriterion } from './types.ts';

/** Two or more of these together point to more intensive help outside JGZ. */
const recommendation3 = [src(DOC.guideline, 'Thema 3, aanbeveling 3')];

const CRITERIA: Record<ReferralCriterionCode, Omit<ReferralCriterion, 'code'>> = {
  regulation_problems_persistent: {
    label: {
      nl: 'Het kind heeft blijvend problemen met de regulatie van gedrag',
      en: 'The child has ongoing problems regulating its behaviour',
    },
    examples: {
      nl: 'Eén of meer problemen die niet overgaan, bijvoorbeeld met huilen, eten of slapen',
      en: 'One or more problems that do not go away, for example with crying, feeding or sleeping',
    },
    // 003 names crying, feeding and sleeping: the child's own behaviour, after the birth.
    afterBirth: true,
    sources: recommendation3,
  },
  parent_worry_or_overload_persistent: {
    label: {
      nl: 'De ouder blijft ongerust en/of is overbelast',
      en: 'The parent remains worried and/or overloaded',
    },
    examples: {
      nl: 'Uitgeput zijn, onzekerheid, het gevoel tekort te schieten, snel geïrriteerd zijn, of de problemen ontkennen',
      en: 'Exhaustion, insecurity, a sense of failing, quick irritability, or denying the problems',
    },
    afterBirth: false,
    sources: recommendation3,
  },
  disturbed_parent_child_communication: {
    label: {
      nl: 'Ouder en kind hebben geen of een verstoord contact met elkaar',
      en: 'Parent and child do not communicate, or communicate in a disturbed way',
    },
    examples: {
      nl: 'Er is nauwelijks wisselwerking tussen ouder en kind, of die loopt steeds vast of verloopt gespannen',
      en: 'There is hardly any back-and-forth between parent and child, or it keeps getting stuck or tense',
    },
    // 003: "ouder(s) en kind communiceren niet met elkaar of op een verstoorde manier", after the birth.
    afterBirth: true,
    sources: recommendation3,
  },
  insufficient_jgz_support: {
    label: {
      nl: 'De begeleiding door de JGZ is voor dit gezin niet genoeg',
      nlBE: 'De begeleiding door Kind & Gezin of het CLB is voor dit gezin niet genoeg',
      en: 'Support from the youth health service (JGZ) is not enough for this family',
    },
    examples: {
      nl: 'Adviezen en begeleiding vanuit de JGZ brengen onvoldoende verandering, of het gezin heeft meer nodig dan de JGZ kan bieden',
      nlBE: 'Adviezen en begeleiding vanuit Kind & Gezin of het CLB brengen onvoldoende verandering, of het gezin heeft meer nodig dan daar geboden kan worden',
      en: 'Advice and guidance from JGZ bring too little change, or the family needs more than JGZ can offer',
    },
    afterBirth: false,
    sources: recommendation3,
  },
};

export const referralCriteria: ReferralCriterion[] = listByCode(CRITERIA);
