import type { CueCode } from './codes.ts';
import { DOC, listByCode, src } from './sources.ts';
import type { Cue } from './types.ts';

const table21 = [src(DOC.guideline, 'Thema 2, Tabel 2.1')];

const CUES: Record<CueCode, Omit<Cue, 'code'>> = {
  // Safe: what a secure relationship tends to look like in children up to about six years.
  child_seeks_parent_when_stressed: {
    level: 'safe',
    subject: 'child',
    label: {
      nl: 'Kind zoekt de ouder op als het gespannen of van streek is',
      en: 'Child turns to the parent when stressed or upset',
    },
    sources: table21,
  },
  child_accepts_comfort: {
    level: 'safe',
    subject: 'child',
    label: {
      nl: 'Kind laat zich door de ouder troosten en komt tot rust',
      en: 'Child accepts comfort from the parent and settles',
    },
    sources: table21,
  },
  child_explores_keeping_contact: {
    level: 'safe',
    subject: 'child',
    label: {
      nl: 'Kind verkent nieuwsgierig de omgeving en houdt daarbij contact met de ouder',
      en: 'Child explores with curiosity while keeping in touch with the parent',
    },
    sources: table21,
  },
  relaxed_contact: {
    level: 'safe',
    subject: 'interaction',
    label: {
      nl: 'Ouder en kind gaan ontspannen met elkaar om',
      en: 'Parent and child are at ease with each other',
    },
    sources: table21,
  },
  spontaneous_flow: {
    level: 'safe',
    subject: 'interaction',
    label: {
      nl: 'Het contact verloopt spontaan, vanzelfsprekend en vertrouwd',
      en: 'Contact flows naturally, spontaneously and familiarly',
    },
    sources: table21,
  },
  shared_enjoyment: {
    level: 'safe',
    subject: 'interaction',
    label: { nl: 'Ouder en kind hebben samen plezier', en: 'Parent and child enjoy being together' },
    sources: table21,
  },
  child_shows_needs_to_parent: {
    level: 'safe',
    subject: 'child',
    label: {
      nl: 'Kind laat aan de ouder merken wat het voelt en nodig heeft',
      en: 'Child shows the parent what it feels and needs',
    },
    sources: table21,
  },
  parent_names_and_regulates_emotions: {
    level: 'safe',
    subject: 'parent',
    label: {
      nl: 'Ouder voelt de emoties van het kind aan, benoemt ze en helpt ze te reguleren',
      en: "Parent senses, names and helps regulate the child's emotions",
    },
    sources: table21,
  },
  parent_sensitive_attuned: {
    level: 'safe',
    subject: 'parent',
    label: {
      nl: 'Ouder reageert sensitief en stemt het eigen gedrag af op het kind',
      en: 'Parent responds sensitively and attunes to the child',
    },
    sources: table21,
  },
  parent_encourages_exploration: {
    level: 'safe',
    subject: 'parent',
    label: {
      nl: 'Ouder moedigt het kind aan om te ontdekken en zelfstandig te worden',
      en: 'Parent encourages the child to explore and grow independent',
    },
    sources: table21,
  },

  // Insecure: cues that tip the balance towards a less secure relationship.
  child_no_approach_or_not_calmed: {
    level: 'insecure',
    subject: 'child',
    label: {
      nl: 'Kind zoekt bij spanning de ouder niet op, of wel maar wordt niet rustig',
      en: 'Under stress the child does not turn to the parent, or does but does not calm down',
    },
    sources: table21,
  },
  child_withdraws_or_object_comfort: {
    level: 'insecure',
    subject: 'child',
    label: {
      nl: 'Kind trekt zich bij spanning in zichzelf terug of zoekt troost bij een voorwerp (knuffel, speen)',
      en: 'Under stress the child withdraws or seeks comfort from an object (cuddly toy, dummy)',
    },
    sources: table21,
  },
  little_shared_enjoyment: {
    level: 'insecure',
    subject: 'interaction',
    label: {
      nl: 'Ouder en kind hebben weinig plezier samen',
      en: 'Little shared enjoyment between parent and child',
    },
    sources: table21,
  },
  child_overly_independent_or_dependent: {
    level: 'insecure',
    subject: 'child',
    label: {
      nl: 'Kind lijkt voor zijn leeftijd opvallend zelfstandig, of juist erg afhankelijk van de ouder',
      en: 'For its age the child seems strikingly self-reliant, or very dependent on the parent',
    },
    sources: table21,
  },
  parent_insensitive_or_inconsistent: {
    level: 'insecure',
    subject: 'parent',
    label: {
      nl: 'Ouder reageert weinig sensitief of is niet beschikbaar, of wisselt tussen sensitief en geïrriteerd of afwijzend',
      en: 'Parent responds insensitively or is unavailable, or swings between sensitive and irritated or rejecting',
    },
    sources: table21,
  },
  parent_misses_child_stress: {
    level: 'insecure',
    subject: 'parent',
    label: {
      nl: 'Ouder leeft weinig mee en merkt niet dat het kind spanning heeft',
      en: 'Parent shows little empathy and does not notice the child is stressed',
    },
    sources: table21,
  },
  parent_uncomfortable_with_closeness: {
    level: 'insecure',
    subject: 'parent',
    label: {
      nl: 'Ouder voelt zich ongemakkelijk bij nabijheid en reageert afwijzend',
      en: 'Parent is uneasy with closeness and responds by pushing away',
    },
    sources: table21,
  },
  parent_overprotective: {
    level: 'insecure',
    subject: 'parent',
    label: {
      nl: 'Ouder is overbezorgd en beschermt te veel; loslaten is moeilijk',
      en: 'Parent is overanxious and overprotective; letting go is hard',
    },
    sources: table21,
  },
  parent_little_leadership: {
    level: 'insecure',
    subject: 'parent',
    label: {
      nl: 'Ouder neemt weinig de leiding: geeft onduidelijke of aarzelende signalen en weinig grenzen',
      en: 'Parent takes little lead: gives unclear or hesitant signals and few limits',
    },
    sources: table21,
  },

  // Problematic: additional cues that, together with nearly all insecure cues, make a problem suspected.
  interaction_full_of_tension: {
    level: 'problematic',
    subject: 'interaction',
    label: {
      nl: 'Het contact staat bol van spanning: geen plezier samen, ouder toont sterk wisselende of negatieve gevoelens over het kind',
      en: 'Contact is full of tension: no joy together, the parent shows strongly shifting or negative feelings about the child',
    },
    sources: table21,
  },
  child_trauma_signals: {
    level: 'problematic',
    subject: 'child',
    label: {
      nl: 'Kind toont in het contact met de ouder tekenen van trauma: extreem druk, ongeremd of waakzaam, of het bevriest en trekt zich terug',
      en: 'With the parent the child shows signs of trauma: extremely restless, disinhibited or watchful, or it freezes and withdraws',
    },
    sources: table21,
  },
  child_severe_emotion_dysregulation: {
    level: 'problematic',
    subject: 'child',
    label: {
      nl: 'Kind heeft grote moeite de eigen emoties te hanteren',
      en: 'Child has great difficulty managing its own emotions',
    },
    sources: table21,
  },
  parent_frightening_or_intrusive: {
    level: 'problematic',
    subject: 'parent',
    label: {
      nl: 'Ouder is onvoorspelbaar, beangstigend of indringend: agressief, hulpeloos en zonder structuur, of afwezig in het contact',
      en: 'Parent is unpredictable, frightening or intrusive: aggressive, helpless and without structure, or absent in the contact',
    },
    sources: table21,
  },
};

export const cues: Cue[] = listByCode(CUES);
