import { DOC, src } from './sources.ts';
import type { PyramidLevel } from './types.ts';

/**
 * Greenspan & Wieder's development-intervention pyramid (DESIGN.md §3): five levels of developmental need,
 * from the most basic upwards. Help goes first to the lowest level that is not met (stepped), is fitted
 * to the family and adjusted as things change (matched), and is carried by a network around the family
 * (wrapped). Levels 1–3 are mainly the work of 0th- and 1st-line care; on levels 4–5 the first line
 * detects, raises the topic, refers and keeps collaborating with specialised help.
 */

const pyramidSection = [
  src(
    DOC.imhRationale,
    'Thema 4, §3 De ontwikkelingsinterventiepiramide: ontwikkelingsondersteuning op maat',
  ),
];

export const pyramid: PyramidLevel[] = [
  {
    level: 1,
    code: 'basic_physical_needs',
    label: {
      nl: 'Lichamelijke basisbehoeften en veiligheid',
      en: 'Basic physical needs and safety',
    },
    description: {
      nl: 'Het gezin heeft wat het lichamelijk nodig heeft: eten, een dak boven het hoofd, medische zorg en fysieke veiligheid.',
      en: 'The family has what it needs physically: food, a roof over its head, medical care and physical safety.',
    },
    sources: pyramidSection,
  },
  {
    level: 2,
    code: 'stable_secure_relationships',
    label: {
      nl: 'Stabiele relaties die emotionele veiligheid geven',
      en: 'Stable relationships that give emotional security',
    },
    description: {
      nl: 'Het kind kan rekenen op vaste, betrouwbare verzorgers bij wie het zich emotioneel veilig voelt, met voldoende rust en continuïteit.',
      en: 'The child can count on steady, reliable caregivers with whom it feels emotionally safe, with enough stability and continuity.',
    },
    sources: pyramidSection,
  },
  {
    level: 3,
    code: 'attuned_relationships',
    label: {
      nl: 'Afgestemde relaties',
      en: 'Attuned relationships',
    },
    description: {
      nl: 'Het contact tussen ouder en kind past bij wat dit kind, deze ouder en hun samenspel eigen is, zodat beiden zich kunnen ontplooien.',
      en: 'The contact between parent and child fits what is particular to this child, this parent and their interplay, so that both can flourish.',
    },
    sources: pyramidSection,
  },
  {
    level: 4,
    code: 'specific_developmental_needs',
    label: {
      nl: 'Specifieke ontwikkelingsbehoeften',
      en: 'Specific developmental needs',
    },
    description: {
      nl: 'Gerichte hulp voor een bepaalde zorg bij kind of ouder, zoals een achterstand in motoriek of taal bij het kind of psychische problemen bij de ouder. De eerste lijn signaleert, bespreekt en verwijst.',
      en: 'Targeted help for a particular need of the child or parent, such as delayed motor or language development in the child or mental health problems in the parent. The first line detects, discusses and refers.',
    },
    sources: pyramidSection,
  },
  {
    level: 5,
    code: 'complex_problems',
    label: {
      nl: 'Complexe problematiek',
      en: 'Complex problems',
    },
    description: {
      nl: 'Problemen die de ontwikkeling van kind of ouder, of hun relatie, vastzetten of dreigen vast te zetten en waarvoor gespecialiseerde hulp nodig is. De eerste lijn blijft betrokken en werkt samen met die hulp.',
      en: 'Problems that block, or threaten to block, the development of child or parent or their relationship, and that call for specialised help. The first line stays involved and works together with that help.',
    },
    sources: pyramidSection,
  },
];
