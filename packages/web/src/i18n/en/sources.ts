import type { Messages } from '../nl.ts';

export const sources: Messages['sources'] = {
  short: {
    '000_2afd5fe3e55409ce.txt': 'Early attention (rationale)',
    '001_23e4b783b1d7f17e.txt': 'Early development (practice guide)',
    '002_3a329fe0ecb56741.txt': 'TNO first 1000 days',
    '003_47e0953cc5abd28a.txt': 'JGZ guideline Parent–child relationship',
    '004_a575a0cd639937c5.txt': 'IMH first 1000 days',
    'leidraad-screening-detectie-vlaanderen': 'Flemish screening guide',
    'edmondson-2010-epds-fathers': 'Edmondson 2010 (EPDS in fathers)',
    'whooley-1997': 'Whooley 1997',
    'spitzer-2006-gad-7': 'Spitzer 2006 (GAD-7)',
    'kroenke-2001-phq-9': 'Kroenke 2001 (PHQ-9)',
    'cox-1987-epds': 'Cox 1987 (EPDS)',
    'vertrouwenscentra-kindermishandeling-vlaanderen': 'Flemish child abuse centres',
    'voorzorg-inclusiecriteria': 'VoorZorg inclusion criteria',
  },
  title: 'Sources',
  intro: 'Nestwerk is based on these documents. Each piece of advice names the passage behind it.',
  passage: 'The advice you came from is in: {{passage}}.',
  docs: {
    '000_2afd5fe3e55409ce.txt':
      'Early attention for the mental health of parents and children: rationale and scientific basis (Flanders)',
    '001_23e4b783b1d7f17e.txt':
      'Giving early development every chance: good-practice guide (RINO Vlaanderen, 2020)',
    '002_3a329fe0ecb56741.txt': 'TNO: The first 1000 days, strengthening early development (2019)',
    '003_47e0953cc5abd28a.txt': 'Dutch youth health care guideline Parent–child relationship (TNO/NCJ, 2021)',
    '004_a575a0cd639937c5.txt':
      'Infant Mental Health: the first 1000 days and the role of first-line care (CGG, Flanders)',
    'leidraad-screening-detectie-vlaanderen':
      'Flemish guide to screening and detection of perinatal mental health problems (Expertisecentrum Moeder-Baby)',
    'edmondson-2010-epds-fathers': 'Edmondson et al. (2010): EPDS cut-offs in fathers',
    'whooley-1997': 'Whooley et al. (1997): two questions to find depression',
    'spitzer-2006-gad-7': 'Spitzer et al. (2006): GAD-7 and GAD-2',
    'kroenke-2001-phq-9': 'Kroenke et al. (2001): PHQ-9',
    'cox-1987-epds': 'Cox et al. (1987): Edinburgh Postnatal Depression Scale',
    'vertrouwenscentra-kindermishandeling-vlaanderen':
      'Flemish Vertrouwenscentra Kindermishandeling and the right to speak of article 458bis of the Criminal Code',
    'voorzorg-inclusiecriteria': 'VoorZorg: the programme’s inclusion criteria (NCJ)',
  },
};
