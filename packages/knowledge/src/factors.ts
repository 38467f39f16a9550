import type { FactorCode } from './codes.ts';
import { DOC, listByCode, src } from './sources.ts';
import type { Factor, SourceRef } from './types.ts';

/** Guideline overview of protective and hindering factors for the parent–child relationship. */
const table22 = src(DOC.guideline, 'Thema 2, Tabel 2.2');
/** TNO overview of risk and protective factors for early development (child, parent, environment). */
const tnoTable1 = src(DOC.tnoFirst1000Days, 'Tabel 1');
/** Guideline narrative behind Tabel 2.2, on family and living circumstances. */
const familyCircumstances = src(DOC.guideline, 'Thema 2, Onderbouwing: Gezins- en leefomstandigheden');
/** Guideline narrative behind Tabel 2.2, on characteristics of the child. */
const childCharacteristics = src(DOC.guideline, 'Thema 2, Onderbouwing: Kenmerken van de jeugdige');
/** Guideline Thema 1: disorganised relationships are far more common after maltreatment, neglect or domestic violence. */
const disturbedRelationship = src(DOC.guideline, 'Thema 1, Verstoorde of problematische ouder-kindrelatie');
/** Flemish rationale: social, psychological and biological risk factors around early parenthood. */
const earlyParenthoodRisks = src(
  DOC.imhRationale,
  'Thema 2, §4 Risicofactoren met betrekking tot pril ouderschap',
);
/** Flemish rationale: risk factors in the child, the caregivers and the relationship or circumstances. */
const parentsInHardTimes = src(DOC.imhRationale, 'Thema 3, §2 Ouders in zwaar weer');

const guidelineOnly: SourceRef[] = [table22];
const guidelineAndTno: SourceRef[] = [table22, tnoTable1];

const FACTORS: Record<FactorCode, Omit<Factor, 'code'>> = {
  // Hindering, parent level: pregnancy and birth.
  unplanned_pregnancy: {
    kind: 'hindering',
    level: 'parent',
    phase: 'pregnancy',
    label: { nl: 'Zwangerschap was niet gepland of niet gewenst', en: 'Pregnancy was unplanned or unwanted' },
    sources: [table22, earlyParenthoodRisks],
  },
  complicated_pregnancy_or_birth: {
    kind: 'hindering',
    level: 'parent',
    phase: 'pregnancy',
    label: {
      nl: 'Zwangerschap en/of bevalling verliep met complicaties',
      en: 'Complications during pregnancy and/or delivery',
    },
    sources: guidelineOnly,
  },
  substance_use_in_pregnancy: {
    kind: 'hindering',
    level: 'parent',
    phase: 'pregnancy',
    label: {
      nl: 'Moeder rookte, dronk alcohol of gebruikte drugs tijdens de zwangerschap',
      en: 'Mother smoked, drank alcohol or used drugs while pregnant',
    },
    sources: guidelineAndTno,
  },
  stress_or_anxiety_in_pregnancy: {
    kind: 'hindering',
    level: 'parent',
    phase: 'pregnancy',
    label: {
      nl: 'Moeder had tijdens de zwangerschap langdurig veel stress, angst of paniek',
      en: 'Mother had prolonged high stress, anxiety or panic during pregnancy',
    },
    sources: guidelineAndTno,
  },

  // Hindering, parent level: history and functioning of the parent.
  parent_chronic_illness_or_disability: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft een ernstige of chronische ziekte of een lichamelijke beperking',
      en: 'Parent has a serious or chronic illness or a physical disability',
    },
    sources: guidelineAndTno,
  },
  parent_stress: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: { nl: 'Ouder ervaart veel stress', en: 'Parent is under a lot of stress' },
    sources: guidelineOnly,
  },
  parent_depression: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder is depressief, ook na de bevalling (postpartumdepressie)',
      en: 'Parent is depressed, including after childbirth (postpartum depression)',
    },
    sources: guidelineAndTno,
  },
  parent_mental_health_problems: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft andere psychische klachten, zoals angst of een eetstoornis',
      en: 'Parent has other mental health problems, such as anxiety or an eating disorder',
    },
    sources: guidelineAndTno,
  },
  parent_intellectual_disability: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft een licht verstandelijke beperking of een leerstoornis',
      en: 'Parent has a mild intellectual disability or a learning disorder',
    },
    sources: guidelineOnly,
  },
  parent_adverse_childhood_experiences: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft als kind ingrijpende negatieve ervaringen of trauma meegemaakt',
      en: 'Parent went through adverse experiences or trauma in childhood',
    },
    sources: guidelineAndTno,
  },
  parent_justice_involvement: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder is in aanraking geweest met justitie of zit of zat in detentie',
      en: 'Parent has been involved with the justice system or is or was in detention',
    },
    sources: guidelineOnly,
  },
  parent_substance_abuse: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder gebruikt (te veel) alcohol, drugs of andere verslavende middelen',
      en: 'Parent uses alcohol, drugs or other addictive substances (excessively)',
    },
    sources: guidelineAndTno,
  },
  low_parenting_confidence: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft weinig vertrouwen in zichzelf als opvoeder',
      en: 'Parent has little confidence in their own parenting',
    },
    sources: guidelineOnly,
  },
  parent_low_mentalizing: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder pikt signalen van het kind minder op en kan zich moeilijk in het kind verplaatsen',
      en: "Parent picks up the child's signals less and struggles to see things from the child's side",
    },
    sources: guidelineOnly,
  },
  harsh_or_neglectful_parenting: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Opvoeding is hard en autoritair, weinig sensitief of verwaarlozend',
      en: 'Parenting is harsh and authoritarian, insensitive or neglectful',
    },
    sources: guidelineAndTno,
  },
  care_avoidance: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: { nl: 'Ouder houdt hulp en zorg af', en: 'Parent avoids or keeps help at a distance' },
    sources: guidelineOnly,
  },
  // Set by the engine from a parent's own screening (rescreen or higher); a screening result, not a diagnosis.
  positive_mental_health_screen: {
    kind: 'hindering',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Screening op somberheid of angst was positief (screeningsuitslag, geen diagnose)',
      en: 'Screening for low mood or anxiety was positive (a screening result, not a diagnosis)',
    },
    sources: [
      src(DOC.imhRationale, 'Thema 2, Ook ouders vergen zorgzame aandacht: perinatal mental health'),
      src(DOC.leidraadScreening, 'Screeningsinstrumenten en afkappunten'),
    ],
  },

  // Hindering, family level: family and living circumstances.
  parent_absent: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Eén of beide ouders zijn niet aanwezig in het gezin (bijv. eenoudergezin)',
      en: 'One or both parents are not present in the family (e.g. single-parent family)',
    },
    sources: guidelineAndTno,
  },
  teenage_mother: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: { nl: 'Moeder is een tienermoeder', en: 'Mother is a teenage mother' },
    sources: guidelineOnly,
  },
  previous_child_died: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Een eerder kind is overleden, ook als het dood werd geboren',
      en: 'An earlier child has died, including stillbirth',
    },
    sources: guidelineOnly,
  },
  family_conflict_or_complex_divorce: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Veel conflict in het gezin of een moeizame, conflictueuze scheiding',
      en: 'Much conflict in the family or a difficult, conflict-ridden divorce',
    },
    sources: [table22, tnoTable1, familyCircumstances],
  },
  maltreatment_or_neglect: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Er is sprake van kindermishandeling en/of verwaarlozing',
      en: 'There is child maltreatment and/or neglect',
    },
    sources: [table22, familyCircumstances, disturbedRelationship],
  },
  domestic_violence: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Er is huiselijk geweld, ook als het kind het alleen meemaakt als getuige',
      en: 'There is domestic violence, even when the child only witnesses it',
    },
    sources: [familyCircumstances, disturbedRelationship, earlyParenthoodRisks, parentsInHardTimes],
  },
  low_social_support: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin krijgt weinig steun van familie, vrienden of een ander netwerk',
      en: 'The family gets little support from relatives, friends or another network',
    },
    sources: guidelineAndTno,
  },
  socioeconomic_problems: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Sociaaleconomische problemen, zoals armoede, werkloosheid of slechte huisvesting',
      en: 'Socio-economic problems such as poverty, unemployment or poor housing',
    },
    sources: guidelineAndTno,
  },
  frequent_moves: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: { nl: 'Gezin verhuist vaak', en: 'The family moves house often' },
    sources: guidelineOnly,
  },
  changing_caregivers: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Kind wordt verzorgd door steeds wisselende verzorgers',
      en: 'The child is cared for by frequently changing caregivers',
    },
    sources: guidelineOnly,
  },
  long_separation_from_caregiver: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Kind is langere tijd gescheiden van de vaste verzorger',
      en: 'The child is separated from its regular caregiver for a long period',
    },
    sources: guidelineOnly,
  },
  deprived_neighbourhood: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin woont in een achtergestelde wijk (veel werkloosheid, laag inkomen en opleidingsniveau)',
      en: 'The family lives in a deprived area (high unemployment, low income and education)',
    },
    sources: [tnoTable1],
  },
  refugee_family: {
    kind: 'hindering',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gevlucht gezin of asielzoekersgezin, zeker bij vaak verhuizen of als het kind geweld meemaakte',
      en: 'Refugee or asylum-seeking family, especially with frequent moves or if the child saw violence',
    },
    sources: [tnoTable1, familyCircumstances, parentsInHardTimes],
  },

  // Hindering, child level. Usually these can be offset by strengths of the parents and the family.
  preterm_birth: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: { nl: 'Kind is te vroeg geboren', en: 'Child was born preterm' },
    sources: guidelineAndTno,
  },
  low_birth_weight: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind had een te laag geboortegewicht (bijv. minder dan 1500 gram)',
      en: 'Child had a low birth weight (e.g. under 1500 grams)',
    },
    sources: [tnoTable1, childCharacteristics],
  },
  congenital_or_chronic_condition: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft een aangeboren afwijking of is chronisch ziek',
      en: 'Child has a congenital anomaly or a chronic illness',
    },
    sources: guidelineAndTno,
  },
  developmental_problems: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft ontwikkelingsproblemen, bijvoorbeeld autisme',
      en: 'Child has developmental problems, for instance autism',
    },
    sources: guidelineOnly,
  },
  child_intellectual_disability: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft een verstandelijke beperking of een lage intelligentie',
      en: 'Child has an intellectual disability or low intelligence',
    },
    sources: guidelineAndTno,
  },
  sensory_impairment: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind ziet of hoort slecht (zintuiglijke beperking)',
      en: 'Child has poor sight or hearing (sensory impairment)',
    },
    sources: guidelineOnly,
  },
  child_emotional_problems: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft emotionele problemen, zoals trauma, somberheid, angst of eetproblemen',
      en: 'Child has emotional problems such as trauma, low mood, anxiety or eating problems',
    },
    sources: guidelineOnly,
  },
  adoption_or_foster_care: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind is geadopteerd of in pleegzorg, na eerder trauma, mishandeling of verwaarlozing',
      en: 'Child is adopted or in foster care after earlier trauma, maltreatment or neglect',
    },
    sources: guidelineOnly,
  },
  difficult_temperament_or_excessive_crying: {
    kind: 'hindering',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft een prikkelbaar, onregelmatig temperament of huilt veel',
      en: 'Child has an irritable, irregular temperament or cries a lot',
    },
    sources: guidelineAndTno,
  },

  // Protective, parent level.
  parent_physical_health: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: { nl: 'Ouder is lichamelijk gezond', en: 'Parent is in good physical health' },
    sources: guidelineAndTno,
  },
  parent_mental_health: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: { nl: 'Ouder is psychisch gezond', en: 'Parent is in good mental health' },
    sources: guidelineAndTno,
  },
  wanted_pregnancy: {
    kind: 'protective',
    level: 'parent',
    phase: 'pregnancy',
    label: { nl: 'Zwangerschap was gewenst', en: 'Pregnancy was wanted' },
    sources: guidelineOnly,
  },
  uncomplicated_pregnancy_and_birth: {
    kind: 'protective',
    level: 'parent',
    phase: 'pregnancy',
    label: {
      nl: 'Zwangerschap en bevalling verliepen zonder complicaties',
      en: 'Pregnancy and delivery went without complications',
    },
    sources: guidelineOnly,
  },
  parenting_confidence: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft vertrouwen in zichzelf als opvoeder',
      en: 'Parent feels confident as a parent',
    },
    sources: guidelineOnly,
  },
  completed_education: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder heeft een opleiding afgerond (bijv. een startkwalificatie)',
      nlBE: 'Ouder heeft een opleiding afgerond (bijv. een diploma secundair onderwijs)',
      en: 'Parent has completed an education (e.g. a basic qualification for work)',
    },
    sources: guidelineOnly,
  },
  positive_own_upbringing: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder neemt goede ervaringen uit de eigen jeugd mee in het ouderschap',
      en: 'Parent draws on good experiences from their own childhood',
    },
    sources: guidelineOnly,
  },
  parent_open_to_signals_mentalizing: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder staat open voor signalen van het kind en kan zich in het kind verplaatsen',
      en: "Parent is open to the child's signals and can see things from the child's side",
    },
    sources: guidelineOnly,
  },
  warm_authoritative_parenting: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Opvoeding is warm en sensitief, met duidelijke leiding',
      en: 'Parenting is warm and sensitive, with clear guidance',
    },
    sources: guidelineAndTno,
  },
  accepts_support: {
    kind: 'protective',
    level: 'parent',
    phase: 'any',
    label: {
      nl: 'Ouder kan samenwerken met hulpverleners en gebruikt geboden steun',
      en: 'Parent can work with professionals and makes use of support offered',
    },
    sources: guidelineOnly,
  },

  // Protective, family level.
  both_parents_present: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: { nl: 'Beide ouders zijn aanwezig in het gezin', en: 'Both parents are present in the family' },
    sources: guidelineAndTno,
  },
  stable_supportive_partner: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Ouders hebben een stabiele relatie en steunen elkaar',
      en: 'The parents have a stable relationship and support each other',
    },
    sources: guidelineOnly,
  },
  social_network_support: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin krijgt steun van familie, vrienden of een ander netwerk',
      en: 'The family gets support from relatives, friends or another network',
    },
    sources: guidelineAndTno,
  },
  stable_sufficient_income: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin heeft een stabiel en toereikend inkomen',
      en: 'The family has a stable, sufficient income',
    },
    sources: guidelineAndTno,
  },
  stable_housing: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin woont in een goede, passende en vaste woning',
      en: 'The family lives in good, suitable and stable housing',
    },
    sources: guidelineOnly,
  },
  few_stable_caregivers: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Kind wordt verzorgd door een klein aantal vaste verzorgers',
      en: 'The child is cared for by a small number of regular caregivers',
    },
    sources: guidelineOnly,
  },
  daily_contact_with_caregiver: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Kind heeft regelmatig, dagelijks contact met de verzorger',
      en: 'The child has regular, daily contact with its caregiver',
    },
    sources: guidelineOnly,
  },
  community_involvement: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Gezin maakt deel uit van een gemeenschap, zoals de buurt of een geloofsgemeenschap',
      en: 'The family is part of a community, such as the neighbourhood or a faith community',
    },
    sources: guidelineOnly,
  },
  small_family: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: { nl: 'Klein gezin (minder dan vier kinderen)', en: 'Small family (fewer than four children)' },
    sources: guidelineOnly,
  },
  warm_family_climate: {
    kind: 'protective',
    level: 'family',
    phase: 'any',
    label: {
      nl: 'Warm, betrokken en stimulerend gezinsklimaat',
      en: 'Warm, close and stimulating family climate',
    },
    sources: guidelineOnly,
  },

  // Protective, child level.
  term_birth: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: { nl: 'Kind is op tijd (voldragen) geboren', en: 'Child was born at term' },
    sources: guidelineAndTno,
  },
  no_medical_concerns: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Geen medische problemen of zorgen bij het kind',
      en: 'No medical problems or concerns about the child',
    },
    sources: guidelineOnly,
  },
  easy_temperament: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft een makkelijk, regelmatig temperament',
      en: 'Child has an easy-going, regular temperament',
    },
    sources: guidelineAndTno,
  },
  typical_development: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: { nl: 'Kind ontwikkelt zich normaal', en: 'Child is developing as expected' },
    sources: guidelineOnly,
  },
  normal_intelligence: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: { nl: 'Kind heeft een normale intelligentie', en: 'Child has normal intelligence' },
    sources: guidelineOnly,
  },
  no_sensory_impairment: {
    kind: 'protective',
    level: 'child',
    phase: 'any',
    label: {
      nl: 'Kind heeft geen zintuiglijke beperking',
      en: 'Child has no sensory impairment',
    },
    sources: guidelineOnly,
  },
};

export const factors: Factor[] = listByCode(FACTORS);
