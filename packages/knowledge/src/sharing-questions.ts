import { DOC, src } from './sources.ts';
import type { SharingQuestion } from './types.ts';

/**
 * The five questions to answer before sharing privacy-sensitive information about a family with another
 * professional without consent (DESIGN.md §2.8, §3). Professional secrecy means: keep confidential where
 * possible, break it carefully where needed. Sharing with consent, after explaining clearly what the
 * consent covers, is always allowed.
 */

/**
 * The questions' codes, in order. They double as the field names of the answers in the API and in stored
 * referrals and safety-route steps, so one name serves the knowledge, the wire and the database.
 */
export const SHARING_QUESTION_CODES = [
  'purpose',
  'alternativeWithoutSharing',
  'consentSought',
  'proportionality',
  'whatToWhom',
] as const;
export type SharingQuestionCode = (typeof SHARING_QUESTION_CODES)[number];

const sharing = [src(DOC.guideline, 'Thema 4, Uitwisseling van informatie en gegevens')];

export const sharingQuestions: SharingQuestion[] = [
  {
    order: 1,
    code: 'purpose',
    question: {
      nl: 'Wat wil je bereiken door deze informatie te delen?',
      en: 'What do you want to achieve by sharing this information?',
    },
    sources: sharing,
  },
  {
    order: 2,
    code: 'alternativeWithoutSharing',
    question: {
      nl: 'Is dat doel ook te bereiken zonder de informatie te delen?',
      en: 'Could that goal also be reached without sharing the information?',
    },
    sources: sharing,
  },
  {
    order: 3,
    code: 'consentSought',
    question: {
      nl: 'Heb je echt alles gedaan om toch toestemming van de gezinsleden te krijgen?',
      en: 'Have you really done everything you can to obtain the family members’ consent?',
    },
    sources: sharing,
  },
  {
    order: 4,
    code: 'proportionality',
    question: {
      nl: 'Weegt het gevaar of ernstige nadeel voor een gezinslid (zoals het kind) zwaarder dan het belang van een ander gezinslid bij geheimhouding?',
      en: 'Does the danger or serious harm to one family member (such as the child) outweigh another family member’s interest in confidentiality?',
    },
    sources: sharing,
  },
  {
    order: 5,
    code: 'whatToWhom',
    question: {
      nl: 'Wie heeft de informatie echt nodig om het gevaar of nadeel af te wenden, en welke informatie precies?',
      en: 'Who really needs the information to avert the danger or harm, and exactly which information?',
    },
    sources: sharing,
  },
];
