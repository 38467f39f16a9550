import { DOC, src } from './sources.ts';
import type { SafetyRoute } from './types.ts';

/**
 * The regional safety pathway for suspected child abuse, neglect or domestic violence (DESIGN.md §2.9).
 * It is always shown when it applies, never hidden behind other advice.
 *
 * The seeds only touch on these routes: the guideline points to the weighing framework of the Meldcode
 * (Tabel 2.3, step 4c) and describes Veilig Thuis (Thema 4); for Flanders they describe professional
 * secrecy and the first line's role in referring on, not the Vertrouwenscentrum itself. The steps below
 * are therefore kept general and written in our own words.
 */

export const safetyRoutes: SafetyRoute[] = [
  {
    region: 'nl',
    intervention: 'meldcode_veilig_thuis',
    label: {
      nl: 'Meldcode huiselijk geweld en kindermishandeling, met Veilig Thuis',
      en: 'Reporting code for domestic violence and child abuse, with Veilig Thuis',
    },
    steps: [
      {
        nl: 'Breng de signalen in kaart: noteer feitelijk wat je ziet en hoort, en wat de ouder of het kind vertelt.',
        en: 'Map the signs: record factually what you see and hear, and what the parent or child tells you.',
      },
      {
        nl: 'Overleg met een collega of aandachtsfunctionaris, en vraag zo nodig advies aan Veilig Thuis (dat kan ook zonder namen te noemen).',
        en: 'Consult a colleague or the designated safeguarding officer and, if needed, ask Veilig Thuis for advice (this can be done without naming the family).',
      },
      {
        nl: 'Ga in gesprek met de ouder (en zo mogelijk het kind) over je zorgen en luister naar hun kant van het verhaal.',
        en: 'Talk with the parent (and the child where possible) about your concerns and listen to their side of the story.',
      },
      {
        nl: 'Weeg met het afwegingskader: is er (een risico op) acute of structurele onveiligheid, en kun je zelf voldoende hulp bieden of organiseren?',
        en: 'Weigh the situation with the weighing framework: is there (a risk of) acute or structural unsafety, and can you provide or arrange sufficient help yourself?',
      },
      {
        nl: 'Beslis: meld bij Veilig Thuis en/of zorg dat passende hulp start, en volg of die hulp het gezin ook echt bereikt.',
        en: 'Decide: report to Veilig Thuis and/or make sure suitable help starts, and check that the help actually reaches the family.',
      },
    ],
    sources: [
      src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c'),
      src(DOC.guideline, 'Thema 4, Betrokkenen: Veilig Thuis'),
      src(DOC.guideline, 'Thema 3, Verwijzen voor meer intensieve hulp'),
      src(DOC.guideline, 'Inleiding: aansluiting bij JGZ-richtlijn Kindermishandeling (2016)'),
    ],
  },
  {
    region: 'be',
    intervention: 'vertrouwenscentrum_kindermishandeling',
    label: {
      nl: 'Vertrouwenscentrum Kindermishandeling',
      en: 'Vertrouwenscentrum Kindermishandeling (Flemish child abuse confidential centre)',
    },
    steps: [
      {
        nl: 'Breng de signalen in kaart: noteer feitelijk wat je ziet en hoort, en wat de ouder of het kind vertelt.',
        en: 'Map the signs: record factually what you see and hear, and what the parent or child tells you.',
      },
      {
        nl: 'Bespreek je zorgen binnen je team en overleg met het Vertrouwenscentrum Kindermishandeling.',
        en: 'Discuss your concerns within your team and consult the Vertrouwenscentrum Kindermishandeling.',
      },
      {
        nl: 'Ga in gesprek met de ouder over je zorgen en vraag toestemming om samen met anderen hulp te zoeken.',
        en: 'Talk with the parent about your concerns and ask permission to look for help together with others.',
      },
      {
        nl: 'Ga bij gevaar voor het kind na of het doorbreken van je beroepsgeheim nodig is: welk doel, kan het zonder, is toestemming echt gevraagd, weegt het gevaar zwaarder, en wie heeft welke informatie nodig?',
        en: 'If the child is in danger, check whether breaking professional secrecy is needed: what purpose, can it be done without, was consent really sought, does the danger weigh heavier, and who needs which information?',
      },
      {
        nl: 'Beslis samen met het Vertrouwenscentrum over aanmelding en verdere hulp, en blijf als vertrouwde hulpverlener betrokken bij het gezin.',
        en: 'Decide together with the Vertrouwenscentrum on referral and further help, and stay involved with the family as a trusted professional.',
      },
    ],
    sources: [
      src(DOC.vkFlanders, 'Vertrouwenscentra Kindermishandeling: advies, melding en hulp'),
      src(DOC.vkFlanders, 'Beroepsgeheim en spreekrecht (artikel 458bis Strafwetboek)'),
      src(DOC.imhSlides, 'Belang van de eerstelijnszorgverlener: schakel naar verdere hulp'),
    ],
  },
];
