import type { PartialMessages } from './nl.ts';

/**
 * Flemish wording, only where it differs from Dutch in the Netherlands (region "be" of the organisation):
 * Kind & Gezin instead of JGZ, "consultatie", "vermoedelijke bevallingsdatum", "doorverwijzen", "opvolging".
 */
export const nlBE: PartialMessages = {
  common: {
    contactTypes: {
      consult: 'Consultatie',
      home_visit: 'Huisbezoek',
      phone: 'Telefonisch contact',
      prenatal_visit: 'Prenataal huisbezoek',
    },
    dueOn: 'vermoedelijke bevallingsdatum {{date}}',
  },
  worklist: {
    due: 'Opvolging',
    searchHint:
      'Gezinsnaam of naam van een kind ("zoe" vindt ook Zoë), of een geboortedatum of vermoedelijke bevallingsdatum als 14-03-2025.',
    columns: { nextFollowUp: 'Volgende opvolging' },
    caption:
      'Gezinnen, de dringendste eerst: veiligheidsroute, dringende screening, terugkoppeling te laat, opvolging te laat, vandaag',
    flags: { urgentScreening: 'Dringende screening ouder' },
  },
  family: {
    summary: {
      next: 'Volgende opvolging',
      referralsNone: 'Lopende doorverwijzingen',
      referrals_one: '{{count}} lopende doorverwijzing',
      referrals_other: '{{count}} lopende doorverwijzingen',
    },
    agreements: 'Afspraken en opvolging',
    followUpDue: 'opvolging op {{date}}',
  },
  register: {
    dueDate: 'Vermoedelijke bevallingsdatum',
    postcode: 'Postnummer',
    errors: { duePast: 'De vermoedelijke bevallingsdatum ligt meestal in de toekomst; controleer de datum.' },
  },
  contact: {
    criteria: {
      intro: 'Twee of meer criteria samen wijzen op meer intensieve hulp; bespreek dan een doorverwijzing.',
    },
    agreement: {
      followUpDue: 'Datum opvolging',
      followUpHint: 'Deze datum verschijnt op de werklijst.',
    },
  },
  advice: {
    referOutside: 'Een doorverwijzing naar meer intensieve hulp bespreken',
    categories: {
      refer_outside: 'Doorverwijzen voor meer intensieve hulp',
      video_feedback: 'Videofeedback binnen Kind & Gezin',
    },
  },
  interventions: {
    settingAll: 'Binnen en buiten Kind & Gezin',
    settings: { within_jgz: 'Binnen Kind & Gezin', outside_jgz: 'Buiten Kind & Gezin' },
  },
  network: {
    referral: {
      action: 'Doorverwijzen',
      title: 'Doorverwijzen',
      partnerStep: 'Naar wie verwijs je door?',
      send: 'Doorverwijzing versturen',
      letter: 'Doorverwijsbrief openen (afdrukken of pdf)',
      noConsentBanner: 'Doorverwijzing zonder toestemming',
    },
    partners: { municipality: 'Gemeente of deelgemeente' },
    safety: { concerns: { domestic_violence: 'Partnergeweld' } },
  },
  screening: {
    urgent: {
      call: 'Neem vandaag nog contact op met de huisarts (buiten de kantooruren de huisartsenwachtpost), die zo nodig een crisisdienst of de spoeddienst inschakelt. Bij direct gevaar: bel 112.',
      teamLead: 'De teamverantwoordelijke wordt op de hoogte gebracht zodra je de screening opslaat.',
      teamLeadInformed: 'De teamverantwoordelijke is op de hoogte gebracht.',
    },
  },
};
