import { DOC, src } from './sources.ts';
import type { VanWiechenItem } from './types.ts';

/**
 * Van Wiechen items that give a natural opening for the parent–child relationship (DESIGN.md §2.2).
 * The first three (4 weeks – 3 months) are occasions to raise the topic preventively; the last three
 * (15 – 18 months) are moments to observe the relationship. Numbers are the Van Wiechen "kenmerk" numbers.
 */

const vanWiechen = [
  src(DOC.guideline, 'Thema 2, Overwegingen: Het Van Wiechenonderzoek als basis voor gesprek'),
];

export const vanWiechenItems: VanWiechenItem[] = [
  {
    code: 'vw_4w_responds_to_parent_voice',
    ageMonths: 1,
    ageLabel: { nl: '4 weken', en: '4 weeks' },
    label: {
      nl: 'Kenmerk 29: reageert als de ouder tegen het kind praat',
      en: 'Item 29: responds when the parent talks to the baby',
    },
    attention: {
      nl: 'Een goed moment om het onderwerp te openen: kijk of ouder en baby op elkaar letten, elkaar aankijken en op elkaar reageren. Die wederzijdse aandacht is de basis waarop het kind leert communiceren.',
      en: 'A good moment to open the topic: see whether parent and baby attend to each other, look at each other and respond. This mutual attention is the ground on which the child learns to communicate.',
    },
    sources: vanWiechen,
  },
  {
    code: 'vw_8w_smiles_back',
    ageMonths: 2,
    ageLabel: { nl: '8 weken', en: '8 weeks' },
    label: {
      nl: 'Kenmerk 30: lacht terug',
      en: 'Item 30: smiles back',
    },
    attention: {
      nl: 'Leg uit dat een baby op deze leeftijd naar iedereen lacht, zodat de ouder zich niet afgewezen voelt als de baby een ander toelacht. Let op hoe de ouder het lachje opmerkt en beantwoordt: dat zegt iets over de gevoeligheid voor signalen van de baby.',
      en: "Explain that at this age a baby smiles at everyone, so the parent does not feel rejected when the baby smiles at someone else. Notice how the parent picks up and answers the smile: it says something about their sensitivity to the baby's signals.",
    },
    sources: vanWiechen,
  },
  {
    code: 'vw_3m_vocalises_back',
    ageMonths: 3,
    ageLabel: { nl: '3 maanden', en: '3 months' },
    label: {
      nl: 'Kenmerk 31: maakt geluidjes terug',
      en: 'Item 31: makes sounds back',
    },
    attention: {
      nl: 'Gebruik dit om samen te bespreken hoe je met een baby kunt "praten" en om de beurt geluidjes maakt. De baby heeft nog geen voorkeur voor een bepaalde persoon.',
      en: 'Use this to talk about how to "chat" with a baby, taking turns making sounds. The baby does not yet prefer one particular person.',
    },
    sources: vanWiechen,
  },
  {
    code: 'vw_15m_block_in_out_box',
    ageMonths: 15,
    ageLabel: { nl: '15 maanden', en: '15 months' },
    label: {
      nl: 'Kenmerk 11: doet blokje in en uit de doos',
      en: 'Item 11: puts a block into and out of a box',
    },
    attention: {
      nl: 'Observeer of het kind ontdekt en de ander bij zijn spel betrekt: laat het iets zien, kijkt het of de ouder meekijkt (gedeelde aandacht) en toont het belangstelling voor de mensen om zich heen?',
      en: 'Observe whether the child explores and involves others in its play: does it show things, check whether the parent is watching too (joint attention) and show interest in the people around it?',
    },
    sources: vanWiechen,
  },
  {
    code: 'vw_15m_give_and_take',
    ageMonths: 15,
    ageLabel: { nl: '15 maanden', en: '15 months' },
    label: {
      nl: 'Kenmerk 12: speelt "geven en nemen"',
      en: 'Item 12: plays "give and take"',
    },
    attention: {
      nl: 'Naast het begrijpen van het spelletje zegt het om beurten spelen iets over vertrouwen in de ander. Een kind dat zich minder veilig voelt bij de ouder, is vaak moeilijk tot dit spel te verleiden.',
      en: 'Besides understanding the game, taking turns says something about trust in the other. A child who feels less safe with the parent is often hard to draw into this game.',
    },
    sources: vanWiechen,
  },
  {
    code: 'vw_18m_explores',
    ageMonths: 18,
    ageLabel: { nl: '18 maanden', en: '18 months' },
    label: {
      nl: 'Kenmerk 14: gaat op onderzoek uit',
      en: 'Item 14: goes exploring',
    },
    attention: {
      nl: 'Kijk of het kind in de spreekkamer rustig de ruimte verkent, afstand durft te nemen van de ouder en af en toe terugkomt om iets te laten zien. Zo gedraagt een kind zich dat zich veilig voelt bij de ouder.',
      en: 'See whether the child calmly explores the consulting room, dares to move away from the parent and now and then comes back to show something. That is how a child who feels safe with the parent behaves.',
    },
    sources: vanWiechen,
  },
];
