import type { InterventionCode } from './codes.ts';
import { DOC, listByCode, src } from './sources.ts';
import type { Intervention } from './types.ts';

/**
 * The intervention catalogue (DESIGN.md §2.7, §3 "Next steps").
 *
 * Effectiveness is the NJi rating exactly as a seed states it; `not_rated` where no seed gives one.
 * Ages are months since birth; `minGestationWeeks` marks programmes that already run in pregnancy.
 * Where a seed gives no age range, the comment says which bound was used and why.
 */

const rec1 = src(DOC.guideline, 'Thema 3, aanbeveling 1');
const rec2 = src(DOC.guideline, 'Thema 3, aanbeveling 2');
const rec3 = src(DOC.guideline, 'Thema 3, aanbeveling 3');
const jgzInterventions = src(DOC.guideline, 'Thema 3, Overwegingen: Effectieve JGZ interventies');
const videoFeedback = src(DOC.guideline, 'Thema 3, Effectieve JGZ interventies: Video-feedback');
const parentingSupport = src(DOC.guideline, 'Thema 3, Effectieve JGZ interventies: Opvoedondersteuning');
const indicated = src(
  DOC.guideline,
  "Thema 3, Effectieve JGZ interventies: Geïndiceerde programma's met een brede focus",
);
const wellFounded = src(DOC.guideline, 'Thema 3, Goed onderbouwde initiatieven');
const practiceBased = src(DOC.guideline, 'Thema 3, Practice-based initiatieven voor kinderen tot 12 jaar');
const referOutside = src(DOC.guideline, 'Thema 3, Verwijzen voor meer intensieve hulp');
const partners = src(DOC.guideline, 'Thema 4, Betrokkenen: Hulpverlening');
const tnoEarly = src(DOC.tnoFirst1000Days, '§4.3 Effectieve interventies voor de vroege periode');

/** Upper end of the guideline's age span (−9 months to 18 years); used only where no seed gives a range. */
const GUIDELINE_MAX_MONTHS = 216;

const INTERVENTIONS: Record<InterventionCode, Omit<Intervention, 'code'>> = {
  vipp_sd: {
    name: 'VIPP-SD (Video-feedback Intervention to promote Positive Parenting and Sensitive Discipline)',
    category: 'video_feedback',
    label: {
      nl: 'Videofeedback voor sensitief opvoeden en positief grenzen stellen',
      en: 'Video feedback for sensitive parenting and positive limit setting',
    },
    description: {
      nl: 'Ouder en kind worden thuis gefilmd tijdens gewone momenten; samen terugkijken laat vooral zien wat al goed gaat. Zo leert de ouder de signalen van het kind beter lezen en rustig en vriendelijk grenzen te stellen.',
      en: 'Parent and child are filmed at home during everyday moments, and watching the clips together highlights what already goes well. The parent learns to read the child better and to set limits in a calm, friendly way.',
    },
    ages: { minMonths: 12, belowMonths: 73 },
    targetGroup: {
      nl: 'Ouders van kinderen van 1 tot 6 jaar die in het algemeen goed functioneren, maar moeite hebben met sensitief reageren of met grenzen stellen',
      en: 'Parents of children aged 1 to 6 who generally cope well but struggle with responding sensitively or with setting limits',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Zes huisbezoeken door een gecertificeerde VIPP-SD-begeleider, met video-opnames en positieve feedback',
      en: 'Six home visits by a certified VIPP-SD practitioner, using video recordings and positive feedback',
    },
    // 002 §4.3: NJi rating "effectief volgens sterke aanwijzingen"; 003 names it among the JGZ
    // interventions with indications of effectiveness and reports strong indications from twelve RCTs.
    effectiveness: 'strong_indications',
    regions: ['nl'],
    sources: [rec1, videoFeedback, jgzInterventions, tnoEarly],
  },
  k_vht: {
    name: 'Kortdurende Video-hometraining (K-VHT)',
    category: 'video_feedback',
    label: {
      nl: 'Korte video-hometraining door de jeugdverpleegkundige',
      en: 'Brief video home training by the youth health nurse',
    },
    description: {
      nl: 'Een getrainde jeugdverpleegkundige filmt thuis en bespreekt de beelden met de ouder, waarbij wat goed gaat wordt uitvergroot. Bedoeld om spanning in de opvoeding van een jong kind te verminderen.',
      en: 'A trained youth health nurse films at home and reviews the footage with the parent, magnifying what goes well. It aims to ease tension in raising a young child.',
    },
    ages: { minMonths: 0, belowMonths: 49 },
    targetGroup: {
      nl: 'Ouders van kinderen van 0 tot 4 jaar die spanning ervaren in de opvoeding',
      en: 'Parents of children aged 0 to 4 who experience tension in parenting',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Kortdurende begeleiding aan huis met video-opnames, door een getrainde jeugdverpleegkundige',
      en: 'Short-term home-based guidance with video recordings, by a trained youth health nurse',
    },
    // 003: listed in the NJi database as "goed onderbouwd", no indications of effectiveness (yet).
    effectiveness: 'well_founded_in_theory',
    regions: ['nl'],
    sources: [rec1, videoFeedback],
  },
  vib: {
    name: 'Video-interactiebegeleiding (VIB)',
    category: 'video_feedback',
    label: {
      nl: 'Video-interactiebegeleiding',
      en: 'Video interaction guidance',
    },
    description: {
      nl: 'Korte opnames van het contact tussen ouder en kind worden samen met de ouder bekeken, met aandacht voor geslaagde momenten. De ouder ziet zo wat het kind nodig heeft en wat al werkt.',
      en: 'Short recordings of parent–child contact are watched together with the parent, focusing on the moments that work. The parent sees what the child needs and what already helps.',
    },
    // The seeds name VIB only as an example of JGZ video feedback and give no age range:
    // the guideline's own age span is used.
    ages: { minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Ouders die in het algemeen goed functioneren, maar moeite hebben met sensitief reageren of met grenzen stellen',
      en: 'Parents who generally cope well but struggle with responding sensitively or with setting limits',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Video-opnames van alledaagse interactie, nabesproken met de ouder',
      en: 'Video recordings of everyday interaction, reviewed with the parent',
    },
    // No seed gives an NJi rating for VIB.
    effectiveness: 'not_rated',
    regions: ['nl'],
    sources: [rec1, src(DOC.guideline, 'Thema 3, Overwegingen')],
  },
  triple_p_4_5: {
    name: 'Triple P (Positief Pedagogisch Programma) niveau 4 en 5',
    category: 'parenting_support',
    label: {
      nl: 'Oudertraining Triple P, niveau 4 en 5',
      en: 'Triple P parent training, levels 4 and 5',
    },
    description: {
      nl: 'Een training waarin ouders een reeks opvoedvaardigheden oefenen om de band met hun kind te versterken, gewenst gedrag te stimuleren en met lastig gedrag om te gaan. Niveau 5 helpt daarnaast bij persoonlijke of relatieproblemen die het toepassen in de weg zitten.',
      en: 'A training in which parents practise a set of parenting skills to strengthen the bond with their child, encourage wanted behaviour and handle difficult behaviour. Level 5 also addresses personal or relationship problems that get in the way.',
    },
    ages: { minMonths: 24, belowMonths: 193 },
    targetGroup: {
      nl: 'Ouders van kinderen van 2 tot 16 jaar met lichte tot ernstige emotionele of gedragsproblemen',
      en: 'Parents of children aged 2 to 16 with mild to severe emotional or behavioural problems',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Acht tot tien sessies, bij voorkeur wekelijks, in een groep of individueel; niveau 5 als aanvulling',
      en: 'Eight to ten sessions, preferably weekly, in a group or one-to-one; level 5 as an add-on',
    },
    // 003: "eerste aanwijzingen voor effectiviteit" for the group and individual variants (online and
    // self-help variants not recognised).
    effectiveness: 'first_indications',
    regions: ['nl'],
    sources: [rec1, parentingSupport, jgzInterventions],
  },
  stevig_ouderschap: {
    name: 'Stevig Ouderschap',
    category: 'indicated_program',
    label: {
      nl: 'Huisbezoekprogramma voor gezinnen met een verhoogd risico (0–2 jaar)',
      en: 'Home-visiting programme for families at increased risk (0–2 years)',
    },
    description: {
      nl: 'De jeugdverpleegkundige komt een aantal keren thuis en praat met de ouders over hoe zij het ouderschap beleven en wie hen steunt. Het programma wil de kans op kindermishandeling verkleinen.',
      en: 'The youth health nurse visits the family at home several times to talk about how the parents experience parenthood and who supports them. The programme aims to lower the risk of child maltreatment.',
    },
    ages: { minMonths: 0, belowMonths: 25 },
    targetGroup: {
      nl: 'Gezinnen met een kind van 0 tot 2 jaar en een verhoogd risico: een belaste voorgeschiedenis, persoonlijke problemen, te weinig steun in de omgeving of een zwaardere opvoedtaak',
      en: 'Families with a child aged 0 to 2 at increased risk: a burdened history, personal problems, too little support around them or a heavier parenting task',
    },
    setting: 'within_jgz',
    format: {
      // 003 says six to ten visits; 002 §4.3 says about ten to fourteen.
      nl: 'Zes tot tien huisbezoeken door de jeugdverpleegkundige',
      en: 'Six to ten home visits by the youth health nurse',
    },
    // 002 §4.3: effective "op basis van eerste aanwijzingen"; 003 lists it among the three JGZ
    // interventions with "aanwijzingen voor effectiviteit".
    effectiveness: 'first_indications',
    regions: ['nl'],
    sources: [rec2, indicated, jgzInterventions, tnoEarly],
  },
  stevig_ouderschap_prenataal: {
    name: 'Stevig Ouderschap Prenataal',
    category: 'indicated_program',
    label: {
      nl: 'Stevig Ouderschap, al te beginnen in de zwangerschap',
      en: 'Stevig Ouderschap, starting during pregnancy',
    },
    description: {
      nl: 'Een uitbreiding van Stevig Ouderschap waarbij de jeugdverpleegkundige al tijdens de zwangerschap langskomt om te praten over verwachtingen en uitdagingen van het komende ouderschap. Na de geboorte loopt de begeleiding door met huisbezoeken over de beleving van het ouderschap en steun voor het gezin.',
      en: 'An extension of Stevig Ouderschap in which the youth health nurse already visits during pregnancy to talk about expectations and challenges of the coming parenthood. After the birth the support continues with home visits on the experience of parenthood and support for the family.',
    },
    // Entry window: from 16 weeks of pregnancy until birth. The postnatal part (6–10 visits) is the
    // Stevig Ouderschap programme itself, so after birth matching points to `stevig_ouderschap`.
    ages: { minGestationWeeks: 16, minMonths: 0, belowMonths: 0 },
    targetGroup: {
      nl: 'Aanstaande ouders met een verhoogd risico: een belaste voorgeschiedenis, persoonlijke problemen, te weinig steun of een zwaardere opvoedtaak in het vooruitzicht',
      en: 'Expectant parents at increased risk: a burdened history, personal problems, too little support or a heavier parenting task ahead',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Twee tot vier huisbezoeken in de zwangerschap (vanaf 16 weken), daarna zes tot tien huisbezoeken na de geboorte',
      en: 'Two to four home visits in pregnancy (from 16 weeks), then six to ten home visits after the birth',
    },
    // No seed rates the prenatal variant separately.
    effectiveness: 'not_rated',
    regions: ['nl'],
    sources: [rec2, indicated],
  },
  voorzorg: {
    name: 'VoorZorg',
    category: 'indicated_program',
    label: {
      nl: 'Intensief huisbezoekprogramma voor jonge, kwetsbare aanstaande moeders',
      en: 'Intensive home-visiting programme for young, vulnerable expectant mothers',
    },
    description: {
      nl: 'Een verpleegkundige bezoekt de moeder vanaf ongeveer halverwege de zwangerschap tot het kind twee jaar is, om de gezondheid van moeder en kind, de ontwikkeling van het kind en de opvoedvaardigheden te versterken. Het uiteindelijke doel is kindermishandeling en huiselijk geweld te voorkomen.',
      en: "A nurse visits the mother from around mid-pregnancy until the child turns two, to strengthen mother's and child's health, the child's development and parenting skills. The ultimate aim is to prevent child maltreatment and domestic violence.",
    },
    // Both seeds give "-9 maanden – 2 jaar" as the programme's age span; the visits themselves start
    // around mid-pregnancy. The seeds give no latest week of entry.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: 25 },
    targetGroup: {
      nl: 'Jonge, laagopgeleide vrouwen die zwanger zijn van hun eerste kind en met meerdere problemen of risicofactoren te maken hebben',
      en: 'Young women with little education who are pregnant with their first child and face several problems or risk factors',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Ongeveer 64 gestructureerde huisbezoeken door een (jeugd)verpleegkundige, van de zwangerschap tot twee jaar',
      en: 'About 64 structured home visits by a (youth health) nurse, from pregnancy to age two',
    },
    // 002 §4.3: effective "op basis van eerste aanwijzingen"; 003 lists it among the three JGZ
    // interventions with "aanwijzingen voor effectiviteit".
    effectiveness: 'first_indications',
    regions: ['nl'],
    sources: [rec2, indicated, jgzInterventions, tnoEarly],
  },
  bemoeizorg: {
    name: 'Bemoeizorg',
    category: 'indicated_program',
    label: {
      nl: 'Outreachende zorg voor gezinnen die moeilijk te bereiken zijn',
      en: 'Outreach care for families who are hard to reach',
    },
    description: {
      nl: 'De professional zoekt zelf actief contact met een gezin met veel problemen dat niet om hulp vraagt. Lukt dat, dan stellen ouders en professional samen een hulpvraag en gezinsplan op en leidt de professional het gezin naar passende hulp.',
      en: 'The professional actively reaches out to a family with many problems that is not asking for help. Once there is contact, parents and professional agree on a request for help and a family plan, and the family is guided to suitable support.',
    },
    // 002 counts Bemoeizorg among the effective interventions for the period from −9 months to 2 years,
    // but notes it is not aimed at early development specifically; no upper age is given, so the
    // guideline's age span is used.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Ouders in gezinnen met meerdere problemen, bij wie via de gewone JGZ-contacten geen werkbaar contact ontstaat',
      en: 'Parents in families with multiple problems with whom regular youth health care contacts do not lead to a workable relationship',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Outreachende begeleiding in zes stappen, in totaal ongeveer zes maanden',
      en: 'Outreaching support in six steps, about six months in total',
    },
    // 002 §4.3: effective "op basis van eerste aanwijzingen".
    effectiveness: 'first_indications',
    regions: ['nl'],
    sources: [tnoEarly],
  },
  zwanger_bevallen_kind: {
    name: 'Zwanger, bevallen, een kind (ZBK)',
    category: 'prenatal_support',
    label: {
      nl: 'Cursus voor aanstaande ouders over zwangerschap, bevalling en ouderschap',
      en: 'Course for expectant parents on pregnancy, birth and parenthood',
    },
    description: {
      nl: 'Een groepscursus die zwangeren en hun partner of een andere naaste begeleidt in de zwangerschap en voorbereidt op het ouderschap. Er is ook een korte versie die over de band met de baby gaat.',
      en: 'A group course that supports pregnant women and their partner or another close person through pregnancy and prepares them for parenthood. A short version focuses on the bond with the baby.',
    },
    ages: { minGestationWeeks: 20, minMonths: 0, belowMonths: 0 },
    targetGroup: {
      nl: 'Alle zwangeren vanaf 20 weken en hun partner of een andere belangrijke naaste',
      en: 'All pregnant women from 20 weeks and their partner or another important person',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Tien bijeenkomsten; korte variant van twee bijeenkomsten',
      en: 'Ten sessions; short version of two sessions',
    },
    // 003: "goed onderbouwd" in the NJi database, no indications of effectiveness (yet).
    effectiveness: 'well_founded_in_theory',
    regions: ['nl'],
    sources: [wellFounded],
  },
  een_kindje_krijgen: {
    name: 'Een kindje krijgen',
    category: 'prenatal_support',
    label: {
      nl: 'Digitale cursus voor aanstaande ouders met weinig opleiding of een laag inkomen',
      en: 'Online course for expectant parents with little education or a low income',
    },
    description: {
      nl: 'Een online programma, afgeleid van Zwanger, bevallen, een kind, dat stress en angst in de zwangerschap wil verminderen. Het versterkt het vertrouwen in eigen kunnen, de steun uit de omgeving en gezondheidsvaardigheden.',
      en: 'An online programme, derived from Zwanger, bevallen, een kind, that aims to reduce stress and anxiety in pregnancy. It builds self-confidence, support from others and health skills.',
    },
    ages: { minGestationWeeks: 20, minMonths: 0, belowMonths: 0 },
    targetGroup: {
      nl: 'Aanstaande ouders met een lage sociaaleconomische positie of weinig opleiding, vanaf 20 weken zwangerschap',
      en: 'Expectant parents with a low socio-economic position or little education, from 20 weeks of pregnancy',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Digitaal programma',
      en: 'Online programme',
    },
    // 003: "goed onderbouwd" in the NJi database, no indications of effectiveness (yet).
    effectiveness: 'well_founded_in_theory',
    regions: ['nl'],
    sources: [wellFounded],
  },
  shantala_babymassage: {
    name: 'Shantala Babymassage',
    category: 'universal_support',
    label: {
      nl: 'Babymassage om het contact tussen moeder en baby te versterken',
      en: 'Baby massage to strengthen contact between mother and baby',
    },
    description: {
      nl: 'De jeugdverpleegkundige leert de moeder thuis haar baby te masseren en bespreekt onderwerpen als huilen en communiceren met de baby. Het doel is dat de moeder gevoeliger reageert en het contact met de baby groeit.',
      en: 'At home, the youth health nurse teaches the mother to massage her baby and discusses topics such as crying and communicating with the baby. The aim is a more sensitive mother and growing contact with the baby.',
    },
    // 003 heads the item "1,5 – 6 maand" but describes the target group as babies from six weeks to
    // nine months; the wider range is used.
    ages: { minMonths: 1.5, belowMonths: 10 },
    targetGroup: {
      nl: 'Moeders met een risico op weinig sensitief opvoedgedrag en een baby van ongeveer zes weken tot negen maanden',
      en: 'Mothers at risk of low-sensitivity parenting with a baby of about six weeks to nine months',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Drie huisbezoeken door de jeugdverpleegkundige (individueel)',
      en: 'Three home visits by the youth health nurse (one-to-one)',
    },
    // 003: "goed onderbouwd" in the NJi database, no indications of effectiveness (yet).
    effectiveness: 'well_founded_in_theory',
    regions: ['nl'],
    sources: [wellFounded],
  },
  centering_pregnancy: {
    name: 'CenteringPregnancy',
    category: 'prenatal_support',
    label: {
      nl: 'Zwangerschapszorg in groepen bij de verloskundige',
      en: 'Group antenatal care with the midwife',
    },
    description: {
      nl: 'Zwangeren die rond dezelfde tijd uitgerekend zijn, krijgen hun controles in een groep bij de verloskundige en leren van en steunen elkaar. Het doel is een goede lichamelijke en psychosociale gezondheid van moeder en kind.',
      en: 'Pregnant women due around the same time have their check-ups in a group with the midwife and learn from and support one another. The aim is good physical and psychosocial health for mother and child.',
    },
    // No start week is given: the whole pregnancy.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: 0 },
    targetGroup: {
      nl: 'Zwangeren en hun kind',
      en: 'Pregnant women and their child',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Tien groepsbijeenkomsten bij de verloskundige, inclusief de medische controles',
      en: 'Ten group sessions with the midwife, including the medical check-ups',
    },
    // 003: "goed onderbouwd" in the NJi database, no indications of effectiveness (yet).
    effectiveness: 'well_founded_in_theory',
    regions: ['nl'],
    sources: [wellFounded],
  },
  babywearing: {
    name: 'Dragen in een draagdoek of ergonomische drager',
    category: 'universal_support',
    label: {
      nl: 'Het kind dicht bij je dragen',
      en: 'Carrying the child close to the body',
    },
    description: {
      nl: 'Door het kind rechtop en met het gezicht naar de ouder te dragen, ziet de ouder signalen sneller en is er veel lichamelijk contact. Het kan ook helpen een onrustige baby te kalmeren; een draagdoekconsulent adviseert over veilig dragen.',
      en: 'Carrying the child upright and facing the parent helps the parent notice signals sooner and gives plenty of body contact. It can also help settle a restless baby; a babywearing consultant advises on safe carrying.',
    },
    // 003 sets no age limits for carrying; the only bound in the source is the section heading
    // ("voor kinderen tot 12 jaar").
    ages: { minMonths: 0, belowMonths: 145 },
    targetGroup: {
      nl: 'Ouders met een baby of jong kind, ook bij een onrustige of huilende baby, een voorkeurshouding of reflux, of om borstvoeding bij een te vroeg of te klein geboren baby te steunen',
      en: 'Parents with a baby or young child, also with a restless or crying baby, a positional preference or reflux, or to support breastfeeding of a preterm or small baby',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Advies van de JGZ, eventueel met een draagdoekconsulent voor keuze en veilig gebruik van een draagsysteem',
      en: 'Advice from youth health care, if needed with a babywearing consultant on choosing and safely using a carrier',
    },
    // 003: practice-based, not in the NJi database.
    effectiveness: 'practice_based',
    regions: ['nl'],
    sources: [practiceBased],
  },
  prenatal_home_visits: {
    name: 'Prenatale huisbezoeken door de JGZ',
    category: 'prenatal_support',
    label: {
      nl: 'Huisbezoek door de jeugdverpleegkundige tijdens de zwangerschap',
      en: 'Home visit by the youth health nurse during pregnancy',
    },
    description: {
      nl: 'Na aanmelding door de verloskundige of een andere zorgverlener leert de jeugdverpleegkundige het gezin al voor de geboorte kennen. Samen werken ze aan wat het gezin nodig heeft voor een goede start met het kind.',
      en: 'After referral by the midwife or another care provider, the youth health nurse gets to know the family before the birth. Together they work on what the family needs for a good start with the child.',
    },
    // No start week is given: the whole pregnancy.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: 0 },
    targetGroup: {
      nl: 'Aanstaande ouders bij wie problemen voor het kind of het gezin dreigen',
      en: 'Expectant parents where problems for the child or family are looming',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Een of meer huisbezoeken in de zwangerschap, na aanmelding door de verloskundige met instemming van de ouders',
      en: 'One or more home visits during pregnancy, after referral by the midwife with the parents’ agreement',
    },
    // 003: practice-based, not in the NJi database.
    effectiveness: 'practice_based',
    regions: ['nl'],
    sources: [practiceBased],
  },
  eengespreksmodel: {
    name: 'Ééngespreksmodel',
    category: 'universal_support',
    label: {
      nl: 'Gespreksmethode om de prille band tussen ouder en baby te bespreken',
      en: 'Conversation method to discuss the early parent–baby relationship',
    },
    description: {
      nl: 'Getrainde JGZ-professionals kijken tijdens de eerste contactmomenten naar de beginnende relatie en bieden zo nodig één ondersteunend gesprek aan. Dat helpt ouder en kind aan een nieuwe, positieve start en versterkt de ouder in zijn rol.',
      en: 'Trained youth health professionals observe the beginning relationship during the first routine contacts and offer one supportive conversation where needed. This helps parent and baby make a fresh, positive start and strengthens the parent in their role.',
    },
    ages: { minMonths: 0, belowMonths: 13 },
    targetGroup: {
      nl: 'Ouders van baby’s in het eerste jaar, met aandacht voor belemmeringen zoals veel huilen, een zware bevalling of stress door werk en ouderschap',
      en: 'Parents of babies in the first year, with attention to obstacles such as much crying, a difficult birth or stress from combining work and parenthood',
    },
    setting: 'within_jgz',
    format: {
      nl: 'Observatie tijdens reguliere contactmomenten en zo nodig één extra gesprek',
      en: 'Observation during routine contacts and, where needed, one extra conversation',
    },
    // 003: practice-based, not in the NJi database.
    effectiveness: 'practice_based',
    regions: ['nl'],
    sources: [practiceBased],
  },
  theraplay: {
    name: 'Theraplay',
    category: 'specialised_help',
    label: {
      nl: 'Speltherapie voor ouder en kind samen',
      en: 'Play therapy for parent and child together',
    },
    description: {
      nl: 'Een therapeut begeleidt ouder en kind bij speelse en verzorgende activiteiten, zodat de ouder anders naar het kind leert kijken en beter op het kind afstemt. Het kind ervaart zo meer veiligheid en voelt zich gezien en gewaardeerd.',
      en: 'A therapist guides parent and child through playful and nurturing activities, so the parent learns to see the child differently and to attune better. The child gains a sense of safety and feels seen and valued.',
    },
    ages: { minMonths: 0, belowMonths: 145 },
    targetGroup: {
      nl: 'Kinderen van 0 tot 12 jaar bij wie de band met de opvoeder ernstig verstoord is, onder meer in pleeg- en adoptiegezinnen, opvanghuizen en klinieken',
      en: 'Children aged 0 to 12 whose relationship with their caregiver is seriously disturbed, including in foster and adoptive families, shelters and clinics',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Therapiesessies met ouder en kind onder begeleiding van een therapeut',
      en: 'Therapy sessions with parent and child, led by a therapist',
    },
    // 003: practice-based, not in the NJi database; no Dutch research yet.
    effectiveness: 'practice_based',
    regions: ['nl'],
    sources: [practiceBased],
  },
  pipa: {
    name: 'Pleegouder-Pleegkind-interventie (PIPA)',
    category: 'specialised_help',
    label: {
      nl: 'Hulp voor de relatie tussen pleegouder en pleegkind',
      en: 'Support for the relationship between foster parent and foster child',
    },
    description: {
      nl: 'Een interventie buiten de JGZ voor pleeg- en adoptiegezinnen, waar de vaak ingrijpende voorgeschiedenis van het kind de relatie met de nieuwe ouders onder druk kan zetten.',
      en: "An intervention outside youth health care for foster and adoptive families, where the child's often traumatic history can strain the relationship with the new parents.",
    },
    // The seeds give no age range for PIPA: the guideline's age span is used.
    ages: { minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Pleeg- en adoptiegezinnen met zorgen over de relatie tussen ouder en kind',
      en: 'Foster and adoptive families with concerns about the parent–child relationship',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Verwijzing naar een aanbieder buiten de JGZ',
      en: 'Referral to a provider outside youth health care',
    },
    effectiveness: 'not_rated',
    regions: ['nl'],
    sources: [rec3, referOutside],
  },
  ouder_baby_interventie: {
    name: 'Ouder-baby-interventie',
    category: 'specialised_help',
    label: {
      nl: 'Video-hometraining met uitleg voor moeders met een depressie',
      en: 'Video home training with psycho-education for mothers with depression',
    },
    description: {
      nl: 'Een behandeling in de GGZ waarin video-opnames de positieve momenten tussen moeder en baby zichtbaar maken, aangevuld met uitleg over depressie en ouderschap. Het doel is dat de moeder sensitiever reageert en dat latere problemen bij het kind worden voorkomen.',
      en: 'A mental health care treatment in which video recordings make the good moments between mother and baby visible, combined with psycho-education. The aim is a more sensitive mother and preventing later problems in the child.',
    },
    ages: { minMonths: 0, belowMonths: 13 },
    targetGroup: {
      nl: 'Moeders met een depressie en een baby van 0 tot en met 12 maanden',
      en: 'Mothers with depression and a baby aged 0 to 12 months',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Kortdurende video-hometraining aan huis met psycho-educatie, vanuit de GGZ',
      en: 'Brief video home training at home with psycho-education, provided by mental health care',
    },
    // 002 §4.3: "effectief volgens eerste aanwijzingen".
    effectiveness: 'first_indications',
    regions: ['nl'],
    sources: [rec3, referOutside, tnoEarly],
  },
  specialised_youth_care: {
    name: 'Specialistische jeugdzorg',
    category: 'specialised_help',
    label: {
      nl: 'Verwijzing naar specialistische jeugdzorg',
      en: 'Referral to specialised youth care',
    },
    description: {
      nl: 'Bij ernstige problemen in de band tussen ouder en kind en/of trauma is behandeling nodig die de JGZ zelf niet biedt, bijvoorbeeld traumabehandeling zoals EMDR.',
      en: 'When the parent–child relationship is seriously troubled and/or there is trauma, treatment is needed that youth health care does not provide itself, for example trauma treatment such as EMDR.',
    },
    ages: { minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Kinderen en gezinnen met ernstige problemen in de ouder-kindrelatie en/of trauma',
      en: 'Children and families with serious parent–child relationship problems and/or trauma',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Onderzoek en behandeling door jeugd-GGZ of jeugdzorg',
      en: 'Assessment and treatment by child and youth mental health or youth care services',
    },
    effectiveness: 'not_rated',
    regions: ['nl', 'be'],
    sources: [
      rec3,
      referOutside,
      partners,
      src(DOC.imhRationale, 'Thema 4, §3 De ontwikkelingsinterventiepiramide'),
    ],
  },
  intensive_family_support: {
    name: 'Intensieve gezinsbegeleiding',
    category: 'specialised_help',
    label: {
      nl: 'Intensieve begeleiding van het gezin',
      en: 'Intensive family support',
    },
    description: {
      nl: 'Wanneer een kind langdurig onder stress staat door lichamelijke of emotionele verwaarlozing of mishandeling thuis, is meestal intensieve begeleiding van het hele gezin nodig, naast de veiligheidsroute.',
      en: 'When a child lives under chronic stress because of physical or emotional neglect or maltreatment at home, intensive support for the whole family is usually needed, alongside the safety pathway.',
    },
    ages: { minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Gezinnen waarin een kind chronische stress ervaart door verwaarlozing of mishandeling',
      en: 'Families in which a child experiences chronic stress from neglect or maltreatment',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Intensieve begeleiding aan huis (in Vlaanderen bijvoorbeeld via een thuisbegeleidingsdienst)',
      en: 'Intensive home-based support (in Flanders for example through a home-support service)',
    },
    effectiveness: 'not_rated',
    regions: ['nl', 'be'],
    sources: [
      rec3,
      referOutside,
      src(
        DOC.imhRationale,
        'Thema 1, §3 Een substantieel teveel aan vroege relationele stress maakt kwetsbaar',
      ),
      src(DOC.imhSlides, 'Belang van samenwerking'),
    ],
  },
  imh_team: {
    name: 'IMH-team (Infant Mental Health)',
    nameBE: 'Baby-peuterteam (IMH)',
    category: 'specialised_help',
    label: {
      nl: 'IMH-team of IMH-specialist voor ouders en jonge kinderen',
      en: 'Infant mental health team or specialist for parents and young children',
      nlBE: 'Baby-peuterteam (IMH) van een centrum voor geestelijke gezondheidszorg',
    },
    description: {
      nl: 'Gespecialiseerde hulp voor de psychische gezondheid van jonge kinderen en hun ouders, vanaf de zwangerschap, gericht op de ouder, het kind en hun relatie. Eerstelijnsprofessionals melden aan en blijven betrokken bij het gezin.',
      en: 'Specialised help for the mental health of young children and their parents from pregnancy onwards, focusing on the parent, the child and their relationship. First-line professionals refer and stay involved with the family.',
    },
    // 001: IMH spans "−9 maanden tot +5 jaar"; 004 shows referrals from pregnancy into the toddler years.
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: 61 },
    targetGroup: {
      nl: 'Gezinnen met een onrustige of veel huilende baby, aanhoudende regulatieproblemen, scheidingsangst of gedragsproblemen, spanning tussen ouder en kind die niet verdwijnt, of een ouder met stress, trauma, angst of depressie',
      en: 'Families with a restless or much-crying baby, persistent regulation problems, separation anxiety or behaviour problems, parent–child tension that does not resolve, or a parent with stress, trauma, anxiety or depression',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Aanmelding per telefoon of e-mail; consultatie, begeleiding of behandeling door het team',
      en: 'Referral by phone or e-mail; consultation, guidance or treatment by the team',
    },
    effectiveness: 'not_rated',
    regions: ['nl', 'be'],
    sources: [
      src(DOC.imhSlides, 'Wanneer verwijzen naar IMH ondersteuning of behandeling?'),
      src(DOC.imhSlides, 'CGG VBO Sterrebeek: aanmelden'),
      src(DOC.imhGoodPractice, 'Inleiding: leeftijd −9 maanden tot +5 jaar'),
      src(DOC.imhRationale, 'Thema 4, §3 De ontwikkelingsinterventiepiramide'),
      partners,
    ],
  },
  meldcode_veilig_thuis: {
    name: 'Meldcode huiselijk geweld en kindermishandeling / Veilig Thuis',
    category: 'safety',
    label: {
      nl: 'Meldcode doorlopen en zo nodig Veilig Thuis inschakelen',
      en: 'Follow the reporting code and involve Veilig Thuis where needed',
    },
    description: {
      nl: 'Bij een vermoeden van kindermishandeling, verwaarlozing of huiselijk geweld doorloopt de professional de stappen van de meldcode, inclusief het afwegingskader. Veilig Thuis geeft advies en is het meldpunt.',
      en: 'When child abuse, neglect or domestic violence is suspected, the professional works through the steps of the reporting code, including the weighing framework. Veilig Thuis gives advice and receives reports.',
    },
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Elk gezin waarin (een vermoeden van) huiselijk geweld, kindermishandeling of verwaarlozing speelt',
      en: 'Any family with (suspected) domestic violence, child abuse or neglect',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Stappenplan van de meldcode met afwegingskader; advies of melding bij Veilig Thuis',
      en: 'Step-by-step reporting code with weighing framework; advice from or a report to Veilig Thuis',
    },
    effectiveness: 'not_rated',
    regions: ['nl'],
    sources: [
      src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c'),
      src(DOC.guideline, 'Thema 4, Betrokkenen: Veilig Thuis'),
      referOutside,
    ],
  },
  vertrouwenscentrum_kindermishandeling: {
    name: 'Vertrouwenscentrum Kindermishandeling (VK)',
    category: 'safety',
    label: {
      nl: 'Vertrouwenscentrum Kindermishandeling raadplegen',
      en: 'Consult the Vertrouwenscentrum Kindermishandeling (Flemish child abuse confidential centre)',
    },
    description: {
      nl: 'Bij een vermoeden van kindermishandeling, verwaarlozing of geweld in het gezin kan de professional in Vlaanderen terecht bij het Vertrouwenscentrum Kindermishandeling voor overleg en aanmelding, met zorg voor het beroepsgeheim.',
      en: 'When child abuse, neglect or family violence is suspected, a professional in Flanders can turn to the Vertrouwenscentrum Kindermishandeling for consultation and referral, with care for professional secrecy.',
    },
    ages: { minGestationWeeks: 0, minMonths: 0, belowMonths: GUIDELINE_MAX_MONTHS + 1 },
    targetGroup: {
      nl: 'Elk gezin in Vlaanderen waarin (een vermoeden van) kindermishandeling, verwaarlozing of geweld speelt',
      en: 'Any family in Flanders with (suspected) child abuse, neglect or violence',
    },
    setting: 'outside_jgz',
    format: {
      nl: 'Overleg en aanmelding bij het Vertrouwenscentrum Kindermishandeling',
      en: 'Consultation with and referral to the Vertrouwenscentrum Kindermishandeling',
    },
    effectiveness: 'not_rated',
    regions: ['be'],
    // The seeds do not describe the Flemish centre itself; these are the passages the route rests on.
    sources: [
      src(
        DOC.imhRationale,
        'Thema 1, §3 Een substantieel teveel aan vroege relationele stress maakt kwetsbaar',
      ),
      src(DOC.imhSlides, 'Belang van de eerstelijnszorgverlener: schakel naar verdere hulp'),
      src(DOC.guideline, 'Thema 4, Uitwisseling van informatie en gegevens'),
    ],
  },
};

export const interventions: Intervention[] = listByCode(INTERVENTIONS);

const byCode = new Map<string, Intervention>(interventions.map((i) => [i.code, i]));

/** The one name of an intervention in a region (Flemish where it differs); an unknown code stays as it is. */
export function interventionName(item: Intervention | string, region: 'nl' | 'be' = 'nl'): string {
  const found = typeof item === 'string' ? byCode.get(item) : item;
  if (!found) return typeof item === 'string' ? item : '';
  return region === 'be' ? (found.nameBE ?? found.name) : found.name;
}
