import type { Messages } from '../nl.ts';

export const exchange: Messages['exchange'] = {
  importLink: 'Is the family coming from another organisation? Import the transferred file (FHIR).',
  importTitle: 'Import a transferred file',
  importIntro:
    'Choose the file (FHIR R4 Bundle) the previous organisation handed over. The family comes into your care; if it was imported before, the existing file opens.',
  file: 'File with the family file',
  fileHint: 'A .json file from Nestwerk or another system that speaks FHIR R4.',
  notJson: 'Choose a valid JSON file.',
  importSubmit: 'Import',
  imported: 'The file was imported. The family is now on your worklist.',
  importedBefore: 'This family was imported before; this is the existing file.',
  rejected_one: 'The file was not imported: {{count}} part is wrong. Nothing was saved.',
  rejected_other: 'The file was not imported: {{count}} parts are wrong. Nothing was saved.',
  entry: 'Part {{n}} ({{type}})',
  entryUntyped: 'Part {{n}}',
  notBundle:
    'This file is not a transferred file (FHIR Bundle). Choose the file the previous organisation gave you.',
  bundle: 'The file',
  codes: {
    required: 'is missing',
    too_long: 'is too long',
    invalid_date: 'is not a valid date',
    in_future: 'lies in the future',
    birth_or_due: 'give a birth date or an expected date, not both',
    invalid_bsn: 'this BSN is not valid (11-check)',
    invalid_insz: 'this national register number is not valid (check digits)',
    invalid_phone: 'is not a phone number',
    more_than_one: 'may appear only once',
    no_patient: 'it holds no child (Patient)',
    too_many: 'holds too many people',
    invalid: 'is not right',
  },
  transferTitle: 'Transfer',
  transferIntro:
    "Is the family moving to another organisation? Transfer the file on the parents' consent to share it with that organisation. Your care relationship then ends.",
  noConsent:
    "There is no valid consent to share the file. First record the parents' consent, with the new organisation as recipient.",
  consent: 'Consent to share with',
  chooseConsent: 'Choose the consent',
  consentOption: '{{recipient}} — {{purpose}}',
  transfer: 'Transfer',
  confirm: "The file goes to {{organisation}} and the family leaves your organisation's worklists. Continue?",
  confirmSubmit: 'Yes, transfer',
  transferred:
    'Transferred to {{organisation}}. Save the file and hand it securely to the receiving organisation.',
  download: 'Save the file for the receiver',
  backToWorklist: 'To the worklist',
};
