import type { PartialMessages } from './nl.ts';

/**
 * Flemish wording, only where it differs from Dutch in the Netherlands (region "be" of the organisation):
 * Kind & Gezin instead of JGZ, "consultatie", "vermoedelijke bevallingsdatum", "doorverwijzen", "opvolging".
 */
export const nlBE: PartialMessages = {
  app: {
    referralNotFound: 'Deze doorverwijzing bestaat niet (meer), of je hebt er geen toegang toe.',
    noAccessText:
      'Met jouw rol kun je deze pagina niet openen. Denk je dat je er wel bij moet kunnen, vraag het dan aan de applicatiebeheerder.',
    fieldErrors: {
      imported_referral:
        'Deze doorverwijzing is overgenomen uit een ander dossier: ze is geschiedenis en kan hier niet meer veranderen.',
      not_receiving: 'Deze organisatie ontvangt geen doorverwijzingen via Nestwerk.',
      consent_basis:
        'Zeg waarop de doorverwijzing rust: een toestemming van de ouders, of (alleen zonder toestemming) de antwoorden op de vijf vragen.',
      intake_needs_accept: 'Een intakedatum hoort bij het accepteren van de doorverwijzing.',
      channel:
        'Kies hoe de doorverwijzing verstuurd wordt: via Nestwerk als de partner Nestwerk gebruikt, anders per telefoon, e-mail of post.',
      invalid_postcode: 'Vul een postnummer in zoals 1000 (of 1234 AB in Nederland).',
      invalid_national_id:
        'Vul het volledige nummer in: een rijksregisternummer heeft 11 cijfers (een Nederlands BSN 9).',
      due_date_range:
        'Een vermoedelijke bevallingsdatum ligt binnen de komende {{weeks}} weken; is het kind geboren, vul dan de geboortedatum in.',
      date_order: 'Deze datum ligt voor de datum van de consultatie of het contact.',
      no_team_lead:
        'Niemand kan dit verzoek goedkeuren: er is in je organisatie geen andere actieve teamverantwoordelijke. Vraag de systeembeheerder om eerst een teamverantwoordelijke aan te maken.',
      no_application_manager:
        'Niemand kan dit verzoek goedkeuren: er is in je organisatie geen andere actieve applicatiebeheerder. Maak eerst een account aan voor een tweede applicatiebeheerder.',
    },
  },
  admin: {
    users: {
      roles: {
        nurse: 'Verpleegkundige',
        physician: 'Arts',
        team_lead: 'Teamverantwoordelijke',
        application_manager: 'Applicatiebeheerder',
      },
    },
    approvals: {
      approverTeamLead: 'teamverantwoordelijke',
      approverTeamLeadOf: 'teamverantwoordelijke van {{team}}',
      approverManager: 'een andere applicatiebeheerder',
    },
  },
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
    emptyBecause: { due: 'Geen gezinnen met een opvolging in deze keuze.' },
    emptyAction: { allDue: 'Toon alle opvolgingen' },
    searchHint:
      'Gezinsnaam of naam van een kind ("zoe" vindt ook Zoë), of een geboortedatum of vermoedelijke bevallingsdatum als 14-03-2025.',
    columns: { nextFollowUp: 'Volgende opvolging' },
    caption:
      'Gezinnen, de dringendste eerst: veiligheidsroute, dringende screening, terugkoppeling te laat, opvolging te laat, vandaag',
    flags: { urgentScreening: 'Dringende screening ouder' },
  },
  dashboard: {
    intro:
      'Cijfers uit Nestwerk per gemeente en per vast kwartaal. Aantallen van 1 tot en met 9 worden nooit getoond, en ook niet wat je daaruit zou kunnen terugrekenen.',
    columns: { present: 'Wel cumulatie', absent: 'Geen cumulatie' },
    indicators: {
      referral_outcomes: {
        title: 'Doorverwijzingen per route',
        help: 'Verstuurde doorverwijzingen naar het soort partner, met hun stand.',
      },
      time_to_help: { help: 'In dagen; alleen getoond bij minstens 10 doorverwijzingen.' },
    },
  },
  team: {
    // The caseload lists every professional of the team, physicians (artsen) too: "medewerker", as in Dutch.
    nurses: { overdue: 'Opvolging te laat' },
    // "Dringend", as on the worklist and in the notice to the team lead.
    flags: {
      urgentScreening_one: '{{count}} dringende screening',
      urgentScreening_other: '{{count}} dringende screenings',
    },
    flagNames: { urgentScreening: 'Dringende screening' },
    referrals: {
      title: 'Doorverwijzingen die wachten op terugkoppeling',
      caption: 'Verstuurde doorverwijzingen zonder terugkoppeling, oudste eerst',
      empty: 'Geen doorverwijzingen die op terugkoppeling wachten.',
    },
  },
  family: {
    summary: {
      next: 'Volgende opvolging',
      referralsNone: 'Lopende doorverwijzingen',
      referrals_one: '{{count}} lopende doorverwijzing',
      referrals_other: '{{count}} lopende doorverwijzingen',
    },
    agreements: 'Afspraken en opvolging',
    portal: {
      intro:
        'Een ouder met ouderlijk gezag kan in het ouderportaal het eigen dossier, de inzage en de toestemmingen zien.',
      authorityCheck: 'Ik heb nagekeken dat {{name}} het ouderlijk gezag heeft over de kinderen.',
      authorityRequired: 'Bevestig eerst dat deze ouder het ouderlijk gezag heeft.',
      blocked: { no_parental_authority: 'Geen toegang: geen ouderlijk gezag' },
      reason: 'Reden (wordt bijgehouden)',
    },
    selfReports: {
      title: 'Gemeld door de ouder',
      intro: 'Wat een ouder voor het bezoek zelf invulde in het ouderportaal.',
      badge: 'Gemeld door de ouder',
    },
    followUpDue: 'opvolging op {{date}}',
  },
  exchange: {
    transferIntro:
      'Verhuist het gezin naar een andere regio of organisatie? Draag het dossier over op basis van de toestemming van de ouders om het met die organisatie te delen. Jullie zorgrelatie eindigt dan.',
    importIntro:
      'Kies het bestand (FHIR R4 Bundle) dat de vorige organisatie heeft meegegeven. Het gezin komt in jouw opvolging; is het al eens geïmporteerd, dan opent het bestaande dossier.',
    imported: 'Het dossier is geïmporteerd. Het gezin staat nu op je werklijst voor opvolging.',
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
      supersedes_one: 'Afronden sluit de open opvolging van {{dates}} af: deze nieuwe datum vervangt die.',
      supersedes_other:
        'Afronden sluit {{count}} open opvolgingen af ({{dates}}): deze nieuwe datum vervangt ze.',
      errors: {
        followUpDue: 'Vul de datum van het extra contact in, of vink "Extra contact inplannen" uit.',
      },
    },
  },
  advice: {
    summary: {
      refer: '{{criteria}}: bespreek een doorverwijzing naar {{route}}',
      referGeneric: '{{criteria}}: bespreek een doorverwijzing naar meer intensieve hulp',
      imhSignal_one: '{{count}} signaal voor het IMH-team: bespreek een doorverwijzing naar {{route}}',
      imhSignal_other: '{{count}} signalen voor het IMH-team: bespreek een doorverwijzing naar {{route}}',
      oneCriterion: '1 van 4 verwijscriteria: bij 2 of meer bespreek je een doorverwijzing',
    },
    referOutside: 'Een doorverwijzing naar meer intensieve hulp bespreken',
    categories: {
      refer_outside: 'Doorverwijzen voor meer intensieve hulp',
      video_feedback: 'Videofeedback binnen Kind & Gezin',
    },
  },
  interventions: {
    settingAll: 'Binnen en buiten Kind & Gezin',
    settings: { within_jgz: 'Binnen Kind & Gezin', outside_jgz: 'Buiten Kind & Gezin' },
    familyBanner:
      'Gezin {{family}}: {{child}} ({{age}}). Wat past, volgt het advies bij het consult van {{date}}.',
    familyNoAdvice:
      'Gezin {{family}}: {{child}} ({{age}}). Er is nog geen consult met advies; leg er een vast om te zien wat bij dit gezin past.',
  },
  network: {
    referral: {
      action: 'Doorverwijzen',
      title: 'Doorverwijzen',
      partnerStep: 'Naar wie verwijs je door?',
      adviceChanged:
        'Dit advies staat niet (meer) bij het bewaarde consult. Hieronder de partners voor alles wat daar wordt geadviseerd; kies zelf.',
      send: 'Doorverwijzing versturen',
      letter: 'Doorverwijsbrief openen (afdrukken of pdf)',
      noConsentBanner: 'Doorverwijzing zonder toestemming',
      // Thema 4 is the Dutch guideline's chapter; in Flanders the same five questions weigh the beroepsgeheim.
      basisNoConsent: 'Zonder toestemming (de vijf vragen bij het beroepsgeheim)',
      noConsentWarning:
        'Doorverwijzen zonder toestemming van de ouder. Beantwoord de vijf vragen; een tweede professional (teamverantwoordelijke) moet bevestigen voordat je kunt versturen. Dit wordt vastgelegd en blijft zichtbaar.',
      awaitingConfirm: 'Wacht op bevestiging door een teamverantwoordelijke (niet de doorverwijzer).',
      notOnNestwerkHint:
        '{{partner}} werkt niet met Nestwerk: druk de doorverwijsbrief af of sla hem op als pdf, en leg vast hoe je de doorverwijzing hebt verstuurd.',
      list: 'Doorverwijzingen',
      none: 'Nog geen doorverwijzingen.',
      open: 'Doorverwijzing naar {{partner}} bekijken',
      new: 'Nieuwe doorverwijzing',
      close: 'Doorverwijzing afsluiten',
      contactSaved:
        'Het consult is als concept bewaard, zodat de doorverwijzing uitgaat van het advies dat je zag. Rond het later af.',
      itemsGoWithSend:
        'Je selectie is gewijzigd: het voorbeeld hieronder toont ze al, en "Doorverwijzing versturen" stuurt precies dit mee.',
      backToList: 'Gezin {{family}}: alle doorverwijzingen',
      draftTitle: 'Doorverwijzing naar {{partner}}',
      importedHistory:
        'Geïmporteerd uit {{organisation}}, {{date}}. Dit is de geschiedenis van de doorverwijzing: hier wordt niets verstuurd of gewijzigd.',
      reminderHint:
        'De terugkoppeling van {{partner}} is te laat. Stuur het team een herinnering via Nestwerk.',
    },
    items: { reason: 'Reden van de doorverwijzing' },
    intake: {
      title: 'Intake: binnengekomen doorverwijzingen',
      intro: 'Je ziet alleen wat de doorverwijzer met jullie deelt, nooit de rest van het gezinsdossier.',
      caption: 'Binnengekomen doorverwijzingen, nieuwste eerst',
      columns: { referrer: 'Doorverwijzer' },
      referrerDetails: 'Doorverwijzer en contactgegevens',
      empty: 'Geen doorverwijzingen.',
      view: 'Doorverwijzing van {{date}} openen',
      detailTitle: 'Doorverwijzing van {{referrer}}',
      feedbackText: 'Terugkoppeling aan de doorverwijzer',
    },
    notifications: {
      kinds: {
        feedback_reminder: 'Herinnering: de doorverwijzer wacht op jullie terugkoppeling',
        referral_received: 'Nieuwe doorverwijzing ontvangen',
        consent_withdrawn: 'Toestemming ingetrokken voor een doorverwijzing',
        feedback_received: 'Terugkoppeling ontvangen op je doorverwijzing',
        referral_status: 'De status van je doorverwijzing is gewijzigd',
        feedback_overdue: 'Terugkoppeling op je doorverwijzing is te laat',
        urgent_screening: 'Dringende screeningsuitslag van een ouder: vandaag actie nodig',
      },
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
