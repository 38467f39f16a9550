import type { PartialPortalMessages } from './nl.ts';

/** Flemish wording for the parent portal, only where it differs: Kind en Gezin, consultatie, 1813, wachtpost. */
export const portalNlBE: PartialPortalMessages = {
  app: { org: 'Kind en Gezin' },
  login: {
    intro: 'Hier zie je wat Kind en Gezin over je gezin weet. Log in met je e-mail en je wachtwoord.',
    suspended: 'Je kunt nu niet in het portaal. Bel Kind en Gezin als je wilt weten waarom.',
    professional: 'Werk je bij Kind en Gezin? Log dan in via de pagina voor medewerkers.',
  },
  redeem: {
    codeIntro: 'Je kreeg een brief van Kind en Gezin. Daarin staat een code. Vul die code hier in.',
    codeHint: 'Bijvoorbeeld ABCD-2345. Kleine letters mogen ook.',
    expired: 'Deze code werkt niet meer. Vraag Kind en Gezin om een nieuwe brief.',
    refused: 'Met deze code kun je geen account maken. Bel Kind en Gezin als je vragen hebt.',
    emailInvalid: 'Vul een goed e-mailadres in, zoals naam@voorbeeld.be.',
  },
  home: {
    noNext: 'Er staat nog geen afspraak. Kind en Gezin laat het je weten.',
    untilPassed: 'gepland rond {{date}}. Kind en Gezin maakt een nieuwe afspraak met je.',
    selfReport: 'Vertel voor de afspraak hoe het gaat. Dan weet Kind en Gezin waar je over wilt praten.',
  },
  file: {
    intro: 'Dit staat in het dossier van je gezin. Klopt er iets niet? Zeg het tegen Kind en Gezin.',
    heldBack:
      'Soms zet Kind en Gezin iets niet in het portaal. Dan moet er een reden voor zijn, en die wordt bijgehouden.',
    kinds: {
      consult: 'Consultatie',
      prenatal_visit: 'Huisbezoek voor de geboorte',
    },
  },
  referrals: {
    title: 'Doorverwijzingen',
    intro: 'Hier zie je naar wie Kind en Gezin je heeft doorverwezen, en hoe het daarmee staat.',
    none: 'Er zijn geen doorverwijzingen.',
  },
  // A soft hyphen: on a 320–360 px phone the word is wider than its half of the menu and breaks as Door-/verwijzingen.
  nav: { referrals: 'Door\u00ADverwijzingen' },
  access: {
    roles: { physician: 'arts', imh_specialist: 'medewerker van het baby-peuterteam' },
    actions: { referral: 'Werkte aan een doorverwijzing' },
  },
  consents: {
    intro:
      'Je gaf Kind en Gezin toestemming om gegevens te delen. Hier zie je met wie, waarvoor en hoe lang. Je kunt een toestemming altijd intrekken.',
  },
  selfReport: {
    intro:
      'Vertel voor de afspraak hoe het met jou en je kind gaat. Kind en Gezin leest het voor de afspraak. Je partner ziet jouw antwoorden niet.',
    sent: 'Dank je wel. Kind en Gezin leest je antwoorden voor de afspraak.',
    privacy: 'Alleen Kind en Gezin ziet je antwoorden. Je partner niet.',
  },
  help: {
    crisis:
      'Denk je aan de dood of aan zelfmoord? Bel de Zelfmoordlijn op 1813. Dat is gratis, dag en nacht. Chatten kan op zelfmoord1813.be.',
    gp: 'Bel je huisarts. In de avond en het weekend bel je de huisartsenwachtpost.',
    jgz: 'Bel Kind en Gezin: {{phone}}.',
    jgzNoPhone: 'Bel de Kind en Gezin-Lijn: 078 150 100.',
    nurseTold: 'Kind en Gezin krijgt een bericht en neemt contact met je op.',
  },
  letter: {
    body: 'In het ouderportaal zie je wat Kind en Gezin over je gezin noteert. Je ziet ook wie je dossier bekeek. En je kunt voor een afspraak vertellen hoe het met je gaat.',
  },
  citizen: {
    errors: {
      citizen_mismatch: 'Deze code hoort niet bij jou. Klopt dat niet? Bel dan Kind en Gezin.',
      citizen_invitation: 'Deze code werkt niet meer. Vraag Kind en Gezin om een nieuwe brief.',
      citizen_ended: 'Je kunt nu niet in het portaal. Bel Kind en Gezin als je wilt weten waarom.',
    },
  },
  passkey: {
    choicePasskeyText:
      'Je gsm bewaart een sleutel voor je. Je logt in met je vinger, je gezicht of je pincode. Je hebt dan geen wachtwoord nodig.',
    recommended: 'Aanbevolen',
    noSupport: 'Op dit toestel lukt het niet met een passkey. Kies dan een wachtwoord.',
    makeHint: 'Je gsm vraagt zo om je vinger, je gezicht of je pincode.',
    remove: 'Verwijderen',
    removed: 'De passkey is verwijderd.',
    removeFresh: 'Log eerst uit en weer in. Dan kun je een passkey verwijderen.',
    removeLabel: '{{name}} verwijderen',
    nameHint: 'Bijvoorbeeld "Mijn gsm" of "Laptop thuis". Zo zie je welke passkey welke is.',
  },
};
