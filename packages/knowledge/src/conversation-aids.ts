import { DOC, src } from './sources.ts';
import type { AgeRange, SourceRef, Text } from './types.ts';

/**
 * The lighter aids of Thema 2 aanbeveling 8a and 8b: material to look at together with the parent when a
 * problem in the relationship is suspected but not (yet) a problematic one. The questionnaires of 8c are
 * for a suspected problematic relationship (instruments.ts).
 */
export interface ConversationAid {
  id: 'babykennis_infokaart' | 'basic_trust_infosheet';
  name: string;
  label: Text;
  ages: AgeRange;
  sources: SourceRef[];
}

export const conversationAids: ConversationAid[] = [
  {
    id: 'babykennis_infokaart',
    name: 'Informatiekaart Babykennis',
    label: {
      nl: 'Informatiekaart van Babykennis: samen met de ouder bekijken wat het kind laat zien en nodig heeft (tot circa 4 jaar)',
      en: 'Babykennis information card: look together with the parent at what the child shows and needs (up to about 4 years)',
    },
    // "tot circa 4 jaar": up to the fourth birthday, and usable in pregnancy to prepare.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: 48 },
    sources: [src(DOC.guideline, 'Thema 2, aanbeveling 8a'), src(DOC.guideline, 'Bijlage 2.3')],
  },
  {
    id: 'basic_trust_infosheet',
    name: 'Infosheet Gehechtheidsrelaties (Basic Trust)',
    label: {
      nl: 'Infosheet van Basic Trust: hoe een veilige en een minder veilige band er in het dagelijks leven uitzien',
      en: 'Basic Trust infosheet: what a secure and a less secure bond look like in daily life',
    },
    ages: { minMonths: 0, belowMonths: 217 },
    sources: [src(DOC.guideline, 'Thema 2, aanbeveling 8b')],
  },
];
