import { DOC, src } from './sources.ts';
import type { Instrument } from './types.ts';

/**
 * The three short questionnaires the guideline recommends when parent and professional together suspect
 * a problem in the parent–child relationship (DESIGN.md §2.6). Metadata only: item texts, scoring and
 * cut-offs are not shipped; an organisation with the right to use them loads a licensed definition.
 * Results are always an indication to discuss with the parent, never a diagnosis.
 */

const rec8 = src(DOC.guideline, 'Thema 2, aanbeveling 8c');
const onderbouwing = src(DOC.guideline, 'Thema 2, Onderbouwing: Instrumenten, Signaleren van verstoring');
const bespreken = src(DOC.guideline, 'Thema 2, Overwegingen: Bespreken');
const step4 = src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4');

export const instruments: Instrument[] = [
  {
    id: 'lsvg',
    name: 'Lijst Signalen van Verstoord Gehechtheidsgedrag (LSVG)',
    label: {
      nl: 'LSVG: korte lijst met signalen van een verstoorde ouder-kindrelatie (1 tot circa 5 jaar)',
      en: 'LSVG: short list of signs of a disturbed parent–child relationship (1 to about 5 years)',
    },
    // "één jaar tot circa vijf jaar" / "LSVG (1-5)": from the first birthday up to the sixth.
    ages: { minMonths: 12, belowMonths: 72 },
    informant: {
      nl: 'De professional, samen met de ouder besproken of door de professional zelf ingevuld',
      en: 'The professional, discussed together with the parent or completed by the professional',
    },
    purpose: {
      nl: 'Acht gedragingen van het kind tegenover de ouder worden samen met de ouder gescoord; een totaalscore boven de afkapwaarde wijst op een grotere kans op problemen. Nog niet gevalideerd voor de JGZ, maar door de werkgroep op basis van praktijkervaring bruikbaar geacht; geen specifieke training nodig, wel kennis van de theorie over de band tussen ouder en kind.',
      en: 'Eight behaviours of the child towards the parent are scored together with the parent; a total score above the cut-off points to a higher chance of problems. Not yet validated for youth health care, but considered useful by the working group from practice; no specific training needed, though knowledge of attachment theory is.',
    },
    licence: {
      nl: 'Afkomstig uit de Richtlijn Problematische Gehechtheid voor jeugdhulp en jeugdbescherming (2019), gebaseerd op internationale consensus (Boris & Zeanah; AACAP). Het scoreformulier met toelichting staat in Bijlage 2.4 van de JGZ-richtlijn Ouder-kindrelatie; de bronnen noemen geen rechthebbende. Itemteksten worden niet meegeleverd.',
      en: 'Taken from the Dutch guideline on problematic attachment for youth care and child protection (2019), based on international consensus (Boris & Zeanah; AACAP). The score form with explanation is Appendix 2.4 of the JGZ guideline; the sources name no rights holder. Item texts are not included.',
    },
    itemTextsIncluded: false,
    sources: [rec8, onderbouwing, bespreken, step4, src(DOC.guideline, 'Bijlage 2.4 (scoreformulier LSVG)')],
  },
  {
    id: 'ari_cp_2_5',
    name: 'Attachment Relationship Inventory – Caregiver Perspective 2-5 (ARI-CP 2-5)',
    label: {
      nl: 'ARI-CP 2-5: vragenlijst voor ouders over de relatie met hun kind (2 tot 5 jaar)',
      en: 'ARI-CP 2-5: parent questionnaire on the relationship with their child (2 to 5 years)',
    },
    // "twee tot vijf jaar" / "ARI-CP (2-5)": from the second birthday up to the sixth.
    ages: { minMonths: 24, belowMonths: 72 },
    informant: {
      nl: 'De ouder, schriftelijk (ongeveer 15 minuten)',
      en: 'The parent, in writing (about 15 minutes)',
    },
    purpose: {
      nl: 'Brengt in 48 stellingen in beeld hoe de ouder de relatie met het kind ervaart, met scores op vier schalen (veilig, vermijdend, ambivalent, gedesorganiseerd). Gevalideerd in onder meer jeugdhulp en JGZ; afname en interpretatie vragen enige kennis van gehechtheid.',
      en: 'In 48 statements it shows how the parent experiences the relationship with the child, with scores on four scales (secure, avoidant, ambivalent, disorganised). Validated in settings including youth care and youth health care; administering and interpreting it requires some knowledge of attachment.',
    },
    licence: {
      nl: 'Ontwikkeld door Spruit e.a. (2019); vragenlijst, handleiding en factsheet worden beschikbaar gesteld door Basic Trust (basictrust.com/vragenlijsten). Itemteksten worden niet meegeleverd; een organisatie laadt een definitie waarvoor zij toestemming heeft.',
      en: 'Developed by Spruit et al. (2019); questionnaire, manual and factsheet are made available by Basic Trust (basictrust.com/vragenlijsten). Item texts are not included; an organisation loads a definition it is licensed to use.',
    },
    itemTextsIncluded: false,
    sources: [rec8, onderbouwing, bespreken, step4],
  },
  {
    id: 'aisi_2_5',
    name: 'Attachment Insecurity Screening Inventory 2-5 (AISI 2-5)',
    label: {
      nl: 'AISI 2-5: vragenlijst voor ouders over het gedrag van hun jonge kind in de relatie (2 tot 5 jaar)',
      en: "AISI 2-5: parent questionnaire on the young child's relationship behaviour (2 to 5 years)",
    },
    // "twee versies: één voor 2-5 jarigen en één voor 6-12 jarigen": from the second birthday up to the sixth.
    ages: { minMonths: 24, belowMonths: 72 },
    informant: {
      nl: 'De ouder, schriftelijk',
      en: 'The parent, in writing',
    },
    purpose: {
      nl: 'De versie voor jonge kinderen van de AISI: gesloten vragen over concreet gedrag van het kind in de relatie, aangevuld met open vragen over hoe de ouder de band beleeft. Basic Trust ontwikkelde daarna de ARI-CP 2-5, die meer op de beleving van de ouder let.',
      en: "The young-child version of the AISI: closed questions on the child's concrete behaviour in the relationship, plus open questions on how the parent experiences the bond. Basic Trust later developed the ARI-CP 2-5, which focuses more on the parent's perception.",
    },
    licence: {
      nl: 'Ontwikkeld door Basic Trust (Polderman e.a., 2016; Wissink e.a., 2017); te verkrijgen via Basic Trust. Itemteksten worden niet meegeleverd; een organisatie laadt een definitie waarvoor zij toestemming heeft.',
      en: 'Developed by Basic Trust (Polderman et al., 2016; Wissink et al., 2017); available through Basic Trust. Item texts are not included; an organisation loads a definition it is licensed to use.',
    },
    itemTextsIncluded: false,
    sources: [
      rec8,
      src(DOC.guideline, 'Thema 2, Onderbouwing: Instrumenten (AISI, twee versies)'),
      bespreken,
      step4,
    ],
  },
  {
    id: 'aisi_6_12',
    name: 'Attachment Insecurity Screening Inventory 6-12 (AISI 6-12)',
    label: {
      nl: 'AISI 6-12: vragenlijst voor ouders over het gedrag van hun kind in de relatie (6 tot 12 jaar)',
      en: "AISI 6-12: parent questionnaire on the child's relationship behaviour (6 to 12 years)",
    },
    // "zes tot twaalf jaar" / "AISI (6-12)": from the sixth birthday up to the thirteenth.
    ages: { minMonths: 72, belowMonths: 156 },
    informant: {
      nl: 'De ouder, schriftelijk',
      en: 'The parent, in writing',
    },
    purpose: {
      nl: 'Schat de kwaliteit van de relatie in aan de hand van 34 gesloten vragen over concreet gedrag van het kind, aangevuld met 11 open vragen over hoe de ouder de opvoeding en de band beleeft. Voldoende betrouwbaar en valide gebleken.',
      en: "Estimates the quality of the relationship from 34 closed questions on the child's concrete behaviour, plus 11 open questions on how the parent experiences parenting and the bond. Found sufficiently reliable and valid.",
    },
    licence: {
      nl: 'Ontwikkeld door Basic Trust (Polderman e.a., 2016; Wissink e.a., 2017); te verkrijgen via Basic Trust. Itemteksten worden niet meegeleverd; een organisatie laadt een definitie waarvoor zij toestemming heeft.',
      en: 'Developed by Basic Trust (Polderman et al., 2016; Wissink et al., 2017); available through Basic Trust. Item texts are not included; an organisation loads a definition it is licensed to use.',
    },
    itemTextsIncluded: false,
    sources: [rec8, onderbouwing, bespreken, step4],
  },
];
