export const exchange = {
  importLink: 'Komt het gezin van een andere organisatie? Importeer het overgedragen dossier (FHIR).',
  importTitle: 'Overgedragen dossier importeren',
  importIntro:
    'Kies het bestand (FHIR R4 Bundle) dat de vorige organisatie heeft meegegeven. Het gezin komt in jouw zorg; is het al eens geïmporteerd, dan opent het bestaande dossier.',
  file: 'Bestand met het dossier',
  fileHint: 'Een .json-bestand uit Nestwerk of een ander systeem dat FHIR R4 gebruikt.',
  notJson: 'Kies een geldig JSON-bestand.',
  importSubmit: 'Importeren',
  imported: 'Het dossier is geïmporteerd. Het gezin staat nu op je werklijst.',
  importedBefore: 'Dit gezin was al geïmporteerd; dit is het bestaande dossier.',
  rejected_one: 'Het dossier is niet geïmporteerd: {{count}} onderdeel klopt niet. Er is niets opgeslagen.',
  rejected_other:
    'Het dossier is niet geïmporteerd: {{count}} onderdelen kloppen niet. Er is niets opgeslagen.',
  entry: 'Onderdeel {{n}} ({{type}})',
  entryUntyped: 'Onderdeel {{n}}',
  notBundle:
    'Dit bestand is geen overgedragen dossier (FHIR Bundle). Kies het bestand dat de vorige organisatie heeft meegegeven.',
  bundle: 'Het bestand',
  codes: {
    required: 'ontbreekt',
    too_long: 'is te lang',
    invalid_date: 'is geen geldige datum',
    in_future: 'ligt in de toekomst',
    birth_or_due: 'geef een geboortedatum of een vermoedelijke datum, niet allebei',
    invalid_bsn: 'dit BSN klopt niet (elfproef)',
    invalid_insz: 'dit rijksregisternummer klopt niet (controlecijfers)',
    invalid_phone: 'is geen telefoonnummer',
    more_than_one: 'komt maar één keer voor',
    no_patient: 'er staat geen kind (Patient) in',
    too_many: 'bevat te veel personen',
    invalid: 'klopt niet',
  },
  transferTitle: 'Overdragen',
  transferIntro:
    'Verhuist het gezin naar een andere organisatie? Draag het dossier over op basis van de toestemming van de ouders om het met die organisatie te delen. Jullie zorgrelatie eindigt dan.',
  noConsent:
    'Er is geen geldige toestemming om het dossier te delen. Leg eerst de toestemming van de ouders vast, met de nieuwe organisatie als ontvanger.',
  consent: 'Toestemming om te delen met',
  chooseConsent: 'Kies de toestemming',
  consentOption: '{{recipient}} — {{purpose}}',
  transfer: 'Overdragen',
  confirm:
    'Het dossier gaat naar {{organisation}} en het gezin verdwijnt van de werklijsten van jouw organisatie. Doorgaan?',
  confirmSubmit: 'Ja, overdragen',
  transferred:
    'Overgedragen aan {{organisation}}. Bewaar het bestand en geef het veilig aan de ontvangende organisatie.',
  download: 'Bestand voor de ontvanger opslaan',
  backToWorklist: 'Naar de werklijst',
};
