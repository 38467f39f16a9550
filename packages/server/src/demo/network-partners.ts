/**
 * The partners of the demo social maps: the Dutch region Veldland (around Utrecht) and the Flemish
 * region Scheldeland (East Flanders). Names, addresses and numbers are invented; e-mail addresses use the
 * reserved .test domain. Municipalities default to all of the region's demo places.
 */

export interface DemoPartner {
  name: string;
  kind: string;
  region: string;
  municipalities?: readonly string[];
  interventions?: readonly string[];
  intakePhone?: string;
  intakeEmail?: string;
  viaNestwerk?: boolean;
  feedbackDays?: number;
  dataExchange?: string;
  reachability?: string;
  address?: string;
}

const NL_REGION = 'Veldland';
const BE_REGION = 'Scheldeland';

export const NL_PARTNERS: DemoPartner[] = [
  {
    name: 'IMH-netwerk Veldland',
    kind: 'imh_specialist',
    region: NL_REGION,
    interventions: ['imh_team', 'theraplay', 'ouder_baby_interventie'],
    intakeEmail: 'aanmelden@imh-veldland.test',
    viaNestwerk: true,
    feedbackDays: 10,
    dataExchange:
      'Aanmelden via Nestwerk, met toestemming van de ouders; terugkoppeling binnen 10 werkdagen.',
    reachability: 'Maandag tot en met vrijdag, 9–17 uur',
    address: 'Lindenlaan 12, Utrecht',
  },
  {
    name: 'Huisartsenpraktijk De Linde',
    kind: 'gp',
    region: NL_REGION,
    municipalities: ['Utrecht', 'Zeist'],
    intakePhone: '030 000 1201',
    address: 'Lindeplein 4, Utrecht',
  },
  {
    name: 'Huisartsen Amersfoort-Oost',
    kind: 'gp',
    region: NL_REGION,
    municipalities: ['Amersfoort'],
    intakePhone: '033 000 1202',
  },
  {
    name: 'Verloskundigenpraktijk Het Nest',
    kind: 'midwife',
    region: NL_REGION,
    municipalities: ['Utrecht', 'Nieuwegein', 'Houten'],
    interventions: ['centering_pregnancy'],
    intakePhone: '030 000 1203',
  },
  {
    name: 'Ziekenhuis Veldland, gynaecologie',
    kind: 'gynaecologist',
    region: NL_REGION,
    intakePhone: '030 000 1204',
  },
  { name: 'Kraamzorg Veldland', kind: 'maternity_care', region: NL_REGION, intakePhone: '030 000 1205' },
  {
    name: 'Ziekenhuis Veldland, kindergeneeskunde',
    kind: 'paediatrician',
    region: NL_REGION,
    intakePhone: '030 000 1206',
    feedbackDays: 14,
  },
  {
    name: 'POP-poli Ziekenhuis Veldland',
    kind: 'pop_poli',
    region: NL_REGION,
    intakePhone: '030 000 1207',
    feedbackDays: 14,
  },
  {
    name: 'Jeugd-GGZ Veldland',
    kind: 'youth_mental_health',
    region: NL_REGION,
    interventions: ['ouder_baby_interventie', 'theraplay', 'specialised_youth_care'],
    intakeEmail: 'intake@jeugdggz-veldland.test',
    feedbackDays: 21,
  },
  {
    name: 'Jeugdhulp Veldland',
    kind: 'youth_care',
    region: NL_REGION,
    interventions: ['specialised_youth_care', 'intensive_family_support'],
    intakeEmail: 'aanmelden@jeugdhulp-veldland.test',
    feedbackDays: 14,
  },
  {
    name: 'Pleegzorg Veldland',
    kind: 'foster_care',
    region: NL_REGION,
    interventions: ['pipa'],
    intakePhone: '030 000 1210',
  },
  { name: 'LVB-steunpunt Veldland', kind: 'lvb_care', region: NL_REGION, intakePhone: '030 000 1211' },
  {
    name: 'Integrale Vroeghulp Veldland',
    kind: 'integrale_vroeghulp',
    region: NL_REGION,
    intakeEmail: 'vroeghulp@veldland.test',
    feedbackDays: 21,
  },
  {
    name: 'Sociaal wijkteam Utrecht',
    kind: 'wijkteam',
    region: NL_REGION,
    municipalities: ['Utrecht'],
    interventions: ['intensive_family_support'],
    intakePhone: '030 000 1213',
  },
  {
    name: 'Sociaal wijkteam Zeist-Houten',
    kind: 'wijkteam',
    region: NL_REGION,
    municipalities: ['Zeist', 'Houten'],
    intakePhone: '030 000 1214',
  },
  {
    name: 'Veilig Thuis Veldland',
    kind: 'veilig_thuis',
    region: NL_REGION,
    interventions: ['meldcode_veilig_thuis'],
    intakePhone: '030 000 1290',
    reachability: 'Dag en nacht bereikbaar, ook voor anoniem advies',
  },
];

export const BE_PARTNERS: DemoPartner[] = [
  {
    name: 'CGG baby- en peuterteam Scheldeland',
    kind: 'cgg_baby_toddler_team',
    region: BE_REGION,
    interventions: ['imh_team'],
    intakePhone: '09 000 12 01',
    intakeEmail: 'babypeuter@cgg-scheldeland.test',
    viaNestwerk: true,
    feedbackDays: 14,
    dataExchange:
      'Aanmelden via Nestwerk, met toestemming van de ouders; terugkoppeling binnen 14 dagen. Overleg vooraf kan telefonisch.',
    reachability: 'Maandag tot en met vrijdag, 9–17 uur; dinsdagavond tot 19 uur',
    address: 'Kerkstraat 26, Gent',
  },
  {
    name: 'Kind en Gezin regioteam Dendermonde',
    kind: 'kind_en_gezin',
    region: BE_REGION,
    municipalities: ['Dendermonde', 'Wetteren'],
    intakePhone: '052 00 12 02',
  },
  {
    name: 'Huis van het Kind Gent',
    kind: 'huis_van_het_kind',
    region: BE_REGION,
    municipalities: ['Gent'],
    intakeEmail: 'huisvanhetkind@gent.test',
  },
  {
    name: 'Huis van het Kind Aalst',
    kind: 'huis_van_het_kind',
    region: BE_REGION,
    municipalities: ['Aalst'],
    intakeEmail: 'huisvanhetkind@aalst.test',
  },
  {
    name: 'CAW Oost-Vlaanderen',
    kind: 'caw',
    region: BE_REGION,
    interventions: ['intensive_family_support'],
    intakePhone: '09 000 12 05',
  },
  {
    name: 'Vertrouwenscentrum Kindermishandeling Oost-Vlaanderen',
    kind: 'vertrouwenscentrum_kindermishandeling',
    region: BE_REGION,
    interventions: ['vertrouwenscentrum_kindermishandeling'],
    intakePhone: '09 000 12 06',
    reachability: 'Werkdagen, 9–17 uur',
  },
  {
    name: 'Perinataal netwerk Scheldeland',
    kind: 'perinatal_network',
    region: BE_REGION,
    intakeEmail: 'perinataal@scheldeland.test',
  },
  {
    name: 'Huisartsenpraktijk Sint-Pieters',
    kind: 'gp',
    region: BE_REGION,
    municipalities: ['Gent'],
    intakePhone: '09 000 12 08',
  },
  {
    name: 'Vroedvrouwenpraktijk De Wieg',
    kind: 'midwife',
    region: BE_REGION,
    municipalities: ['Gent', 'Lokeren'],
    intakePhone: '09 000 12 09',
  },
  {
    name: 'AZ Scheldeland, pediatrie',
    kind: 'paediatrician',
    region: BE_REGION,
    intakePhone: '052 00 12 10',
  },
  {
    name: 'AZ Scheldeland, materniteit en gynaecologie',
    kind: 'gynaecologist',
    region: BE_REGION,
    intakePhone: '052 00 12 12',
  },
  {
    name: 'Kraamzorg Thuis Oost-Vlaanderen',
    kind: 'maternity_care',
    region: BE_REGION,
    intakePhone: '09 000 12 13',
  },
  {
    name: 'CGG Scheldeland, volwassenenteam',
    kind: 'adult_mental_health',
    region: BE_REGION,
    intakePhone: '09 000 12 14',
    feedbackDays: 21,
  },
  {
    name: 'Kinderdagverblijf De Kabouterhoek',
    kind: 'childcare',
    region: BE_REGION,
    municipalities: ['Sint-Niklaas', 'Lokeren'],
    intakePhone: '03 000 12 15',
  },
  {
    name: 'Pleegzorg Oost-Vlaanderen',
    kind: 'foster_care',
    region: BE_REGION,
    intakePhone: '09 000 12 16',
  },
  {
    name: 'Thuisbegeleidingsdienst Scheldeland',
    kind: 'home_support_service',
    region: BE_REGION,
    interventions: ['intensive_family_support', 'specialised_youth_care'],
    intakePhone: '09 000 12 11',
  },
];

/** The partner each region's demo refers to through Nestwerk: its IMH team. */
export const NESTWERK_PARTNER_NAME: Record<'nl' | 'be', string> = {
  nl: nestwerkPartner(NL_PARTNERS),
  be: nestwerkPartner(BE_PARTNERS),
};

function nestwerkPartner(partners: readonly DemoPartner[]): string {
  const found = partners.find((p) => p.viaNestwerk);
  if (!found) throw new Error('a demo social map without its IMH team on Nestwerk');
  return found.name;
}
