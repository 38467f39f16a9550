import type { Messages } from '../nl.ts';

export const balance: Messages['balance'] = {
  pictureTitle: 'Balance of burden and strength per level',
  pictureDesc: '{{level}}: {{hindering}} hindering, {{protective}} protective.',
  burden: 'Burden',
  strength: 'Strength',
  historyTitle: 'The balance over the contacts',
  historyDesc: 'Per contact the number of hindering and protective factors per level.',
  net: 'net',
};
