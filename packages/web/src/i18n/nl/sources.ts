export const sources = {
  short: {
    '000_2afd5fe3e55409ce.txt': 'Vroege aandacht (rationale)',
    '001_23e4b783b1d7f17e.txt': 'Vroege ontwikkeling (praktijkgids)',
    '002_3a329fe0ecb56741.txt': 'TNO 1e 1000 dagen',
    '003_47e0953cc5abd28a.txt': 'JGZ-richtlijn Ouder-kindrelatie',
    '004_a575a0cd639937c5.txt': 'IMH eerste 1000 dagen',
    'leidraad-screening-detectie-vlaanderen': 'Leidraad screening en detectie',
    'edmondson-2010-epds-fathers': 'Edmondson 2010 (EPDS bij vaders)',
    'whooley-1997': 'Whooley 1997',
    'spitzer-2006-gad-7': 'Spitzer 2006 (GAD-7)',
    'kroenke-2001-phq-9': 'Kroenke 2001 (PHQ-9)',
    'cox-1987-epds': 'Cox 1987 (EPDS)',
    'vertrouwenscentra-kindermishandeling-vlaanderen': 'Vertrouwenscentra Kindermishandeling',
    'voorzorg-inclusiecriteria': 'VoorZorg inclusiecriteria',
  },
  title: 'Bronnen',
  intro: 'Nestwerk is gebaseerd op deze documenten. Bij elk advies staat welke passage erachter zit.',
  passage: 'Het advies waar je vandaan komt, staat in: {{passage}}.',
  docs: {
    '000_2afd5fe3e55409ce.txt':
      'Vroege aandacht voor de mentale gezondheid van ouders en kinderen: rationale en wetenschappelijke onderbouwing (Vlaanderen)',
    '001_23e4b783b1d7f17e.txt':
      'Vroege ontwikkeling alle kansen geven: goede-praktijkgids (RINO Vlaanderen, 2020)',
    '002_3a329fe0ecb56741.txt': 'TNO: De 1e 1000 dagen, het versterken van de vroege ontwikkeling (2019)',
    '003_47e0953cc5abd28a.txt': 'JGZ-richtlijn Ouder-kindrelatie (TNO/NCJ, 2021)',
    '004_a575a0cd639937c5.txt':
      'Infant Mental Health: de eerste 1000 dagen en de rol van de eerste lijn (CGG, Vlaanderen)',
    'leidraad-screening-detectie-vlaanderen':
      'Leidraad screening en detectie van perinatale psychische problemen (Expertisecentrum Moeder-Baby, Vlaanderen)',
    'edmondson-2010-epds-fathers': 'Edmondson e.a. (2010): afkappunten van de EPDS bij vaders',
    'whooley-1997': 'Whooley e.a. (1997): twee vragen om depressie op te sporen',
    'spitzer-2006-gad-7': 'Spitzer e.a. (2006): GAD-7 en GAD-2',
    'kroenke-2001-phq-9': 'Kroenke e.a. (2001): PHQ-9',
    'cox-1987-epds': 'Cox e.a. (1987): Edinburgh Postnatal Depression Scale',
    'vertrouwenscentra-kindermishandeling-vlaanderen':
      'Vertrouwenscentra Kindermishandeling (Vlaanderen) en het spreekrecht van artikel 458bis Strafwetboek',
    'voorzorg-inclusiecriteria': 'VoorZorg: inclusiecriteria van het programma (NCJ)',
  },
};
