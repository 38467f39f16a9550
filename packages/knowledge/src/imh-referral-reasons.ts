import type { ImhReferralReasonCode } from './codes.ts';
import { DOC, listByCode, src } from './sources.ts';
import type { ImhReferralReason } from './types.ts';

/** Situations in which a Flemish mental-health centre's baby/toddler team welcomes a referral. */
const whenToRefer = [src(DOC.imhSlides, 'Wanneer verwijzen naar IMH')];

const REASONS: Record<ImhReferralReasonCode, Omit<ImhReferralReason, 'code'>> = {
  restless_or_crying_baby: {
    label: {
      nl: 'Een onrustige baby of een baby die veel huilt',
      en: 'A restless baby or a baby who cries a lot',
    },
    sources: whenToRefer,
  },
  regulation_problems: {
    label: {
      nl: 'Problemen met regulatie, zoals bij eten of slapen, driftbuien of overmatig huilen',
      nlBE: 'Problemen met regulatie, zoals bij eten of slapen, woedebuien of overmatig huilen',
      en: 'Regulation problems, such as with feeding or sleeping, tantrums or excessive crying',
    },
    sources: whenToRefer,
  },
  separation_anxiety_or_behaviour_problems: {
    label: {
      nl: 'Angst om van de ouder gescheiden te worden, gedragsproblemen en dergelijke',
      en: 'Fear of being separated from the parent, behaviour problems and the like',
    },
    sources: whenToRefer,
  },
  persistent_relationship_tension: {
    label: {
      nl: 'Spanning tussen ouder en kind die blijft bestaan en niet opgelost raakt',
      en: 'Tension between parent and child that persists and does not get resolved',
    },
    sources: whenToRefer,
  },
  attachment_problems: {
    label: {
      nl: 'Problemen in de band tussen ouder en kind (hechtingsproblemen)',
      en: 'Problems in the bond between parent and child (attachment problems)',
    },
    sources: whenToRefer,
  },
  parental_stress_trauma_anxiety_depression: {
    label: {
      nl: 'De ouder heeft last van stress, trauma, angst of depressie',
      en: 'The parent struggles with stress, trauma, anxiety or depression',
    },
    sources: whenToRefer,
  },
};

export const imhReferralReasons: ImhReferralReason[] = listByCode(REASONS);
