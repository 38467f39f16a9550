import { DOC, listByCode, src } from './sources.ts';
import type { Region, SourceRef, Text } from './types.ts';

/**
 * The kinds of partner organisation on Nestwerk's social map (DESIGN.md §2.8): the professionals and services
 * of guideline Thema 4 ("Betrokkenen") in the Netherlands, and the Flemish network of seed 004 ("Belang van
 * samenwerking", "Aanmelden", "Meer weten"). Codes are stored with every partner and every referral: add
 * freely, never rename or remove one.
 *
 * A few Flemish services are named by DESIGN.md but only described indirectly by the seeds (Huis van het
 * Kind as local parenting support, CAW as adult welfare work, the Vertrouwenscentrum Kindermishandeling as
 * the safety route); their sources say which passage of a seed they stand for.
 */
export const PARTNER_KIND_CODES = [
  // Thema 4, (para)medical care — both regions
  'gp',
  'midwife',
  'gynaecologist',
  'maternity_care',
  'paediatrician',
  // Thema 4, help and support — the Netherlands
  'youth_mental_health',
  'imh_specialist',
  'imh_consultant',
  'pop_poli',
  'youth_care',
  'lvb_care',
  'integrale_vroeghulp',
  'wijkteam',
  'veilig_thuis',
  'foster_care',
  'independent_psychologist',
  'social_work',
  'adult_mental_health',
  'childcare',
  // Seed 004, the Flemish network
  'kind_en_gezin',
  'cgg_baby_toddler_team',
  'huis_van_het_kind',
  'caw',
  'vertrouwenscentrum_kindermishandeling',
  'perinatal_network',
  'home_support_service',
] as const;

export type PartnerKindCode = (typeof PARTNER_KIND_CODES)[number];

/** Broad groups, so a social map can be shown in sections. */
export type PartnerSector = 'medical' | 'support' | 'mental_health' | 'safety' | 'childcare';

export interface PartnerKind {
  code: PartnerKindCode;
  sector: PartnerSector;
  /** Where this kind of partner exists under this name. */
  regions: Region[];
  label: Text;
  /** What the partner does for a young family, in one sentence. */
  description: Text;
  sources: SourceRef[];
}

const medical = src(DOC.guideline, 'Thema 4, Betrokkenen: (Para)medische zorg');
const help = src(DOC.guideline, 'Thema 4, Betrokkenen: Hulpverlening');
const childcare = src(DOC.guideline, 'Thema 4, Betrokkenen: Onderwijs en kinderopvang');
const network = src(DOC.imhSlides, 'Belang van samenwerking');
const register = src(DOC.imhSlides, 'CGG VBO: Aanmelden (telefonisch of per mail)');
const moreInfo = src(DOC.imhSlides, 'Meer weten (perinatale netwerken)');
const whenToRefer = src(DOC.imhSlides, 'Wanneer verwijzen naar IMH');

const BOTH: Region[] = ['nl', 'be'];
const NL: Region[] = ['nl'];
const BE: Region[] = ['be'];

const KINDS: Record<PartnerKindCode, Omit<PartnerKind, 'code'>> = {
  gp: {
    sector: 'medical',
    regions: BOTH,
    label: { nl: 'Huisarts of praktijkondersteuner', nlBE: 'Huisarts', en: 'General practitioner (GP)' },
    description: {
      nl: 'Eerste, laagdrempelige aanspreekpunt voor gezondheid; kent vaak het hele gezin en kan optreden bij zorgen over veiligheid.',
      en: 'The first, easy-to-reach point of contact for health; often knows the whole family and can act on safety concerns.',
    },
    sources: [medical, network],
  },
  midwife: {
    sector: 'medical',
    regions: BOTH,
    label: { nl: 'Verloskundige', nlBE: 'Vroedvrouw', en: 'Midwife' },
    description: {
      nl: 'Begeleidt de zwangerschap, de bevalling en de eerste tijd daarna.',
      en: 'Supports pregnancy, birth and the first period afterwards.',
    },
    sources: [medical, network],
  },
  gynaecologist: {
    sector: 'medical',
    regions: BOTH,
    label: { nl: 'Gynaecoloog', en: 'Gynaecologist (obstetrician)' },
    description: {
      nl: 'Medische zorg voor, tijdens en na de zwangerschap.',
      en: 'Medical care before, during and after pregnancy.',
    },
    sources: [medical, network],
  },
  maternity_care: {
    sector: 'medical',
    regions: BOTH,
    label: { nl: 'Kraamzorg', en: 'Maternity home care' },
    description: {
      nl: 'Verzorgt en adviseert moeder, baby en gezin in de dagen na de geboorte.',
      en: 'Cares for and advises mother, baby and family in the days after birth.',
    },
    sources: [medical, network],
  },
  paediatrician: {
    sector: 'medical',
    regions: BOTH,
    label: { nl: 'Kinderarts', nlBE: 'Pediater', en: 'Paediatrician' },
    description: {
      nl: 'Medische zorg voor kinderen en jongeren tot 18 jaar.',
      en: 'Medical care for children and young people up to 18.',
    },
    sources: [medical, network],
  },
  youth_mental_health: {
    sector: 'mental_health',
    regions: NL,
    label: { nl: 'Jeugd-GGZ', en: 'Child and youth mental health service' },
    description: {
      nl: 'Onderzoek en behandeling bij ernstige zorgen over gedrag, de ouder-kindrelatie of de band tussen ouder en kind.',
      en: 'Assessment and treatment of serious concerns about behaviour, the parent–child relationship or the bond between parent and child.',
    },
    sources: [help],
  },
  imh_specialist: {
    sector: 'mental_health',
    regions: NL,
    label: { nl: 'Infant mental health-specialist (IMH)', en: 'Infant mental health (IMH) specialist' },
    description: {
      nl: 'Gespecialiseerde hulp en preventie voor kinderen van 0 tot 3 jaar en hun ouders, vooral bij vastgelopen of belaste interactie.',
      en: 'Specialised help and prevention for children aged 0 to 3 and their parents, especially when interaction is stuck or under strain.',
    },
    sources: [help, whenToRefer],
  },
  imh_consultant: {
    sector: 'mental_health',
    regions: NL,
    label: { nl: 'IMH-consulent', en: 'IMH consultant' },
    description: {
      nl: 'Professional uit bijvoorbeeld de jeugdgezondheidszorg of het wijkteam met extra scholing om verstoringen in ontwikkeling en ouder-kindrelatie op te merken.',
      en: 'A professional from, for example, youth health care or a neighbourhood team with extra training to notice disturbances in development and the parent–child relationship.',
    },
    sources: [help],
  },
  pop_poli: {
    sector: 'mental_health',
    regions: NL,
    label: {
      nl: 'POP-poli of medisch maatschappelijk werk',
      en: 'Psychiatry, obstetrics and paediatrics clinic (POP) or medical social work',
    },
    description: {
      nl: 'Onderzoek en behandeling van psychische en sociale problemen van (aanstaande) ouders rond zwangerschap en geboorte.',
      en: 'Assessment and treatment of mental health and social problems of (expectant) parents around pregnancy and birth.',
    },
    sources: [help],
  },
  youth_care: {
    sector: 'support',
    regions: NL,
    label: { nl: 'Jeugdhulp (jeugdzorg)', en: 'Specialised youth care' },
    description: {
      nl: 'Gespecialiseerde hulp bij problemen met opgroeien en opvoeden, voor kind en ouders.',
      en: 'Specialised help with problems in growing up and parenting, for child and parents.',
    },
    sources: [help],
  },
  lvb_care: {
    sector: 'support',
    regions: NL,
    label: {
      nl: 'Zorg voor jeugd met een licht verstandelijke beperking',
      en: 'Care for children with a mild intellectual disability',
    },
    description: {
      nl: 'Informatie, advies, onderzoek en begeleiding voor kinderen met een licht verstandelijke beperking en hun ouders.',
      en: 'Information, advice, assessment and guidance for children with a mild intellectual disability and their parents.',
    },
    sources: [help],
  },
  integrale_vroeghulp: {
    sector: 'support',
    regions: NL,
    label: { nl: 'Integrale Vroeghulp', en: 'Integrated early intervention (Integrale Vroeghulp)' },
    description: {
      nl: 'Informatie, advies, onderzoek en begeleiding voor jonge kinderen met een ontwikkelingsachterstand of -probleem en hun ouders.',
      en: 'Information, advice, assessment and guidance for young children whose development is delayed or troubled, and their parents.',
    },
    sources: [help],
  },
  wijkteam: {
    sector: 'support',
    regions: NL,
    label: { nl: 'Sociaal wijkteam', en: 'Social neighbourhood team' },
    description: {
      nl: 'Kijkt breed wat een gezin in de wijk nodig heeft, biedt begeleiding en verwijst met instemming van ouders door naar gespecialiseerde hulp.',
      en: 'Looks broadly at what a family in the neighbourhood needs, offers guidance and, with the parents’ agreement, refers on to specialised help.',
    },
    sources: [help],
  },
  veilig_thuis: {
    sector: 'safety',
    regions: NL,
    label: {
      nl: 'Veilig Thuis',
      en: 'Veilig Thuis (advice and reporting centre for domestic violence and child abuse)',
    },
    description: {
      nl: 'Advies en ondersteuning bij, en meldpunt voor, vermoedens van huiselijk geweld en kindermishandeling.',
      en: 'Advice and support on, and the place to report, suspected domestic violence and child abuse.',
    },
    sources: [help, src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c')],
  },
  foster_care: {
    sector: 'support',
    regions: BOTH,
    label: { nl: 'Pleegzorg', en: 'Foster care service' },
    description: {
      nl: 'Bereidt pleegouders voor en ondersteunt hen, en houdt contact met pleegkind, ouders en betrokken instanties.',
      en: 'Prepares and supports foster parents, and keeps in touch with the foster child, the parents and other agencies involved.',
    },
    sources: [help, network],
  },
  independent_psychologist: {
    sector: 'mental_health',
    regions: NL,
    label: {
      nl: 'Zelfstandig psycholoog of orthopedagoog',
      en: 'Independent psychologist or remedial educationalist',
    },
    description: {
      nl: 'Onderzoek en behandeling bij zorgen over gedrag of de ouder-kindrelatie bij kinderen tot 18 jaar.',
      en: 'Assessment and treatment of concerns about behaviour or the parent–child relationship in children up to 18.',
    },
    sources: [help],
  },
  social_work: {
    sector: 'support',
    regions: NL,
    label: { nl: 'Algemeen maatschappelijk werk', en: 'General social work' },
    description: {
      nl: 'Hulp bij schulden, relatieproblemen, wonen, werk en inkomen.',
      en: 'Help with debts, relationship problems, housing, work and income.',
    },
    sources: [help],
  },
  adult_mental_health: {
    sector: 'mental_health',
    regions: BOTH,
    label: {
      nl: 'Volwassenen-GGZ (therapeut of psychiater van de ouder)',
      en: 'Adult mental health care (the parent’s therapist or psychiatrist)',
    },
    description: {
      nl: 'Behandeling van de psychische problemen van een ouder, in afstemming met de zorg voor het kind.',
      en: 'Treatment of a parent’s mental health problems, coordinated with the care for the child.',
    },
    sources: [network],
  },
  childcare: {
    sector: 'childcare',
    regions: BOTH,
    label: {
      nl: 'Kinderopvang of peuteropvang',
      nlBE: 'Kinderopvang (kribbe)',
      en: 'Childcare or preschool',
    },
    description: {
      nl: 'Pedagogisch medewerkers zien het kind vaak dagelijks en merken risico’s of zorgen soms als eerste op.',
      en: 'Childcare staff often see the child every day and are sometimes the first to notice risks or concerns.',
    },
    sources: [childcare, network],
  },
  kind_en_gezin: {
    sector: 'medical',
    regions: BE,
    label: { nl: 'Kind en Gezin', en: 'Kind en Gezin (Flemish agency for child and family)' },
    description: {
      nl: 'Preventieve gezinsondersteuning en consultatiebureaus voor gezinnen met jonge kinderen in Vlaanderen.',
      en: 'Preventive family support and well-baby clinics for families with young children in Flanders.',
    },
    sources: [network],
  },
  cgg_baby_toddler_team: {
    sector: 'mental_health',
    regions: BE,
    label: {
      nl: 'CGG baby- en peuterteam',
      en: 'Mental health centre (CGG) baby and toddler team',
    },
    description: {
      nl: 'IMH-team van een centrum voor geestelijke gezondheidszorg: ondersteuning en behandeling voor ouders en jonge kinderen; aanmelden kan telefonisch of per e-mail.',
      en: 'The IMH team of a community mental health centre: support and treatment for parents and young children; families can be registered by phone or e-mail.',
    },
    sources: [register, whenToRefer],
  },
  huis_van_het_kind: {
    sector: 'support',
    regions: BE,
    label: { nl: 'Huis van het Kind', en: 'Huis van het Kind (local family support centre)' },
    description: {
      nl: 'Lokaal samenwerkingsverband voor opvoedingsondersteuning en ontmoeting voor gezinnen met kinderen.',
      en: 'A local partnership offering parenting support and places to meet for families with children.',
    },
    sources: [network],
  },
  caw: {
    sector: 'support',
    regions: BE,
    label: { nl: 'CAW (Centrum Algemeen Welzijnswerk)', en: 'CAW (centre for general welfare work)' },
    description: {
      nl: 'Hulp voor volwassenen bij welzijnsvragen zoals relaties, geweld, wonen en geldzorgen.',
      en: 'Help for adults with welfare questions such as relationships, violence, housing and money worries.',
    },
    sources: [network],
  },
  vertrouwenscentrum_kindermishandeling: {
    sector: 'safety',
    regions: BE,
    label: {
      nl: 'Vertrouwenscentrum Kindermishandeling',
      en: 'Vertrouwenscentrum Kindermishandeling (child abuse confidential centre)',
    },
    description: {
      nl: 'Overleg en hulp bij vermoedens van kindermishandeling, met respect voor het beroepsgeheim van de melder.',
      en: 'Consultation and help when child abuse is suspected, respecting the professional secrecy of the person who raises it.',
    },
    sources: [
      src(DOC.guideline, 'Thema 4, Uitwisseling van informatie en gegevens'),
      src(DOC.imhSlides, 'Belang van de eerstelijnszorgverlener: schakel naar verdere hulp'),
    ],
  },
  perinatal_network: {
    sector: 'mental_health',
    regions: BE,
    label: { nl: 'Perinataal netwerk', en: 'Perinatal network' },
    description: {
      nl: 'Regionaal netwerk voor de psychische gezondheid van ouders en baby rond de zwangerschap en de eerste levensjaren.',
      en: 'A regional network for the mental health of parents and baby around pregnancy and the first years of life.',
    },
    sources: [moreInfo],
  },
  home_support_service: {
    sector: 'support',
    regions: BE,
    label: { nl: 'Thuisbegeleidingsdienst', en: 'Home support service' },
    description: {
      nl: 'Begeleiding aan huis voor gezinnen met een jong kind met een (vermoeden van) ontwikkelingsprobleem.',
      en: 'Support at home for families with a young child with a (suspected) developmental problem.',
    },
    sources: [network],
  },
};

export const partnerKinds: PartnerKind[] = listByCode(KINDS);
