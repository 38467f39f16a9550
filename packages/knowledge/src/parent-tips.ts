import { DOC, src } from './sources.ts';
import type { ParentTipBand } from './types.ts';

/**
 * Tips for parents by age band (DESIGN.md §2.5), based on the themes of Box 2.1 and written in our own
 * plain words (Dutch at about B1 level, "je" form). Shown to parents, so — following Thema 2
 * recommendation 10 — we speak of "band", "contact" and "basisvertrouwen", never of the attachment
 * jargon that recommendation warns against.
 * The box's bands are in years: 0–2, 2–4, 4–12 and 12+.
 */

const box21 = src(DOC.guideline, 'Thema 2, Box 2.1');
const rec4 = src(DOC.guideline, 'Thema 2, aanbeveling 4');
const rec10 = src(DOC.guideline, 'Thema 2, aanbeveling 10');

export const parentTips: ParentTipBand[] = [
  {
    band: '0_2',
    ages: { minMonths: 0, belowMonths: 24 },
    title: {
      nl: 'Tips voor ouders van een baby of dreumes (0 tot 2 jaar)',
      en: 'Tips for parents of a baby or young toddler (0 to 2 years)',
    },
    tips: [
      {
        nl: 'Neem de tijd om naar je baby te kijken. Probeer te raden wat hij voelt of wil. Hoe vaker je dat doet, hoe beter je je kindje leert kennen.',
        en: 'Take time to watch your baby. Try to guess what they feel or want. The more you do this, the better you get to know your little one.',
      },
      {
        nl: 'Troost je baby als hij huilt, geef eten als hij honger heeft en wieg of knuffel hem. Zo merkt je kind dat jij er voor hem bent.',
        en: 'Comfort your baby when they cry, feed them when they are hungry, and rock or cuddle them. This way your child learns that you are there for them.',
      },
      {
        nl: 'Kijkt je baby je aan, lacht hij of maakt hij geluidjes? Reageer daarop. Dat hoeft niet altijd meteen: doe wat voor jullie allebei fijn voelt.',
        en: 'Does your baby look at you, smile or make sounds? Respond to it. It does not always have to be straight away: do what feels good for both of you.',
      },
      {
        nl: 'Draait je baby tijdens het spelen zijn hoofdje weg? Dan heeft hij misschien even genoeg. Stop en wacht tot hij zelf weer contact zoekt.',
        en: 'Does your baby turn their head away while playing? They may have had enough for now. Stop and wait until they look for contact again.',
      },
      {
        nl: 'Let op het lijfje van je baby. Een ontspannen baby ligt recht en heeft open handjes. Trekt hij zijn beentjes op of maakt hij zich krom? Dan voelt hij zich niet fijn.',
        en: "Pay attention to your baby's body. A relaxed baby lies straight with open hands. Pulling up the legs or arching the back means your baby does not feel well.",
      },
      {
        nl: 'Praat veel met je kindje, ook al is het nog heel klein. Vertel wat je doet bij het aankleden of in bad, en praat zacht en rustig als je troost.',
        en: 'Talk to your child a lot, even while they are very small. Say what you are doing when dressing or bathing them, and speak softly and calmly when you comfort them.',
      },
    ],
    sources: [box21, rec4, rec10],
  },
  {
    band: '2_4',
    ages: { minMonths: 24, belowMonths: 48 },
    title: {
      nl: 'Tips voor ouders van een peuter (2 tot 4 jaar)',
      en: 'Tips for parents of a toddler (2 to 4 years)',
    },
    tips: [
      {
        nl: 'Je peuter leert nu ontzettend veel: praten, naar de wc gaan, de wereld begrijpen. Blijf letten op wat je kind nodig heeft en reageer daarop.',
        en: 'Your toddler is learning a huge amount now: talking, using the toilet, making sense of the world. Keep noticing what your child needs and respond to it.',
      },
      {
        nl: 'Lees vaak samen een boekje of kijk naar plaatjes. Laat je kind aanwijzen en vertellen, en praat samen over het verhaal.',
        en: 'Often read a book together or look at pictures. Let your child point and tell, and talk about the story together.',
      },
      {
        nl: 'Je kind krijgt een eigen wil. Boze buien en "nee!" horen bij deze leeftijd. Zeg rustig en kort wat je wél van je kind verwacht, en geef een simpel antwoord op al die waarom-vragen.',
        en: 'Your child is developing a will of their own. Tantrums and "no!" are part of this age. Say calmly and briefly what you do expect, and give simple answers to all those why-questions.',
      },
      {
        nl: 'Maak het jezelf en je kind makkelijk: leid af met iets anders, maak er een spelletje of grapje van, zeg wat wel mag, of laat kiezen tussen twee dingen.',
        en: 'Make it easier for you both: distract with something else, turn it into a game or a joke, say what is allowed, or offer a choice between two things.',
      },
      {
        nl: 'Laat merken dat je het gevoel van je kind snapt, en houd je toch aan de afspraak. Bijvoorbeeld: "Je bent boos, dat snap ik. We gaan nu toch naar huis."',
        en: 'Show that you understand how your child feels, and still stick to what you agreed. For example: "You are cross, I understand. We are going home now anyway."',
      },
      {
        nl: 'Is je kind bang, bijvoorbeeld in het donker of bij een hard geluid? Neem dat serieus. Zeg wat je ziet en leg kort uit wat er aan de hand is.',
        en: 'Is your child scared, for example of the dark or of a loud noise? Take it seriously. Say what you see and briefly explain what is going on.',
      },
      {
        nl: 'Geef gevoelens een naam: blij, boos, verdrietig of bang. Je kind kan zijn gevoelens nog niet zelf de baas en heeft jouw hulp daarbij nodig.',
        en: 'Put a name to feelings: happy, angry, sad or scared. Your child cannot manage their feelings alone yet and needs your help with that.',
      },
    ],
    sources: [box21, rec4, rec10],
  },
  {
    band: '4_12',
    ages: { minMonths: 48, belowMonths: 144 },
    title: {
      nl: 'Tips voor ouders van een kind van 4 tot 12 jaar',
      en: 'Tips for parents of a child aged 4 to 12',
    },
    tips: [
      {
        nl: 'Geef je kind warmte en aandacht. Maak elke dag even een praatje, doe samen iets leuks en luister echt naar wat je kind vertelt.',
        en: 'Give your child warmth and attention. Have a little chat every day, do something fun together and really listen to what your child tells you.',
      },
      {
        nl: 'Doet je kind iets goed? Zeg het! Een compliment, een knuffel of een kleine beloning helpt je kind om zich goed te voelen over zichzelf.',
        en: 'Is your child doing something well? Say so! A compliment, a hug or a small reward helps your child feel good about themselves.',
      },
      {
        nl: 'Laat je kind veel ontdekken en houd rekening met wat het graag wil. Zo groeit het vertrouwen om ook moeilijke dingen te proberen.',
        en: 'Let your child discover lots of things and take their wishes into account. This builds the confidence to try difficult things too.',
      },
      {
        nl: 'Sta stil bij wat je kind voelt. Help je kind om boosheid, angst of verdriet op een goede manier te laten zien. Zo voelt je kind zich begrepen en veilig bij jou.',
        en: 'Pay attention to what your child feels. Help your child show anger, fear or sadness in a good way. That way your child feels understood and safe with you.',
      },
      {
        nl: 'Duidelijke regels geven rust en houvast, ook als je kind protesteert. Wees lief, maar ook duidelijk, en doe wat je zegt.',
        en: 'Clear rules give calm and something to hold on to, even when your child protests. Be kind but also clear, and do what you say.',
      },
    ],
    sources: [box21, rec4, rec10],
  },
  {
    band: '12_plus',
    ages: { minMonths: 144, belowMonths: 217 },
    title: {
      nl: 'Tips voor ouders van een tiener (vanaf 12 jaar)',
      en: 'Tips for parents of a teenager (12 and older)',
    },
    tips: [
      {
        nl: 'Je tiener wordt steeds zelfstandiger, maar heeft jou nog steeds nodig. Moedig aan om vrienden te maken, voor zichzelf op te komen en zelf problemen op te lossen.',
        en: 'Your teenager is becoming more independent but still needs you. Encourage them to make friends, stand up for themselves and solve problems on their own.',
      },
      {
        nl: 'Laat merken dat je geïnteresseerd bent. Praat over wat je kind bezighoudt, zoals hobby’s en vrienden, en geef vaak een compliment.',
        en: 'Show that you are interested. Talk about what keeps your child busy, such as hobbies and friends, and give compliments often.',
      },
      {
        nl: 'Regels en grenzen blijven belangrijk. Praat samen over welke afspraken jullie maken en waarom jullie die belangrijk vinden.',
        en: 'Rules and limits still matter. Talk together about which agreements you make and why you both find them important.',
      },
      {
        nl: 'Geef je kind ruimte om zelf keuzes te maken en daarvan te leren. Denk mee in plaats van alles voor te zeggen: wil je kind laat thuiskomen, vraag dan hoe dat veilig kan.',
        en: 'Give your child room to make their own choices and learn from them. Think along instead of deciding everything: if your child wants to come home late, ask how that can be done safely.',
      },
      {
        nl: 'Ruzie of discussie hoort erbij en gaat meestal weer over. Je blijft heel belangrijk voor je kind, ook als het dat niet laat merken.',
        en: 'Arguments and disagreements are normal and usually pass. You remain very important to your child, even if they do not show it.',
      },
    ],
    sources: [box21, rec10, src(DOC.guideline, 'Thema 2, Tabel 2.3, aandachtspunten 4+ jaar')],
  },
];
