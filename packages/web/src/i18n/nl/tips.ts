export const tips = {
  title: 'Tips voor ouders',
  intro: 'Korte tips in gewone taal om mee te geven. Kies de leeftijd van het kind en de taal van de ouder.',
  band: 'Leeftijd van het kind',
  bands: {
    '0_2': '0 tot 2 jaar',
    '2_4': '2 tot 4 jaar',
    '4_12': '4 tot 12 jaar',
    '12_plus': '12 jaar en ouder',
  },
  language: 'Taal van de tips',
  print: 'Afdrukken of bewaren als pdf',
  printHint: 'Kies in het afdrukvenster "Opslaan als pdf" om een pdf te maken.',
  footer:
    'Meegegeven door {{organisation}} op {{date}}. Vragen? Bespreek ze gerust bij het volgende contact.',
  phone: 'Vragen tussendoor? Bel {{organisation}}: {{phone}}.',
};
