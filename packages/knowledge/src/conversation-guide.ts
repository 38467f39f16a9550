import { DOC, src } from './sources.ts';
import type { ConversationStep } from './types.ts';

/**
 * The four-step conversation guide for raising the parent–child relationship with parents of children
 * up to about six (DESIGN.md §2.2). The guideline stresses that the order is not fixed and steps may be
 * skipped; it is support, not a script. If needed, plan an extra contact.
 */

const table23 = src(DOC.guideline, 'Thema 2, Tabel 2.3');
const rec7 = src(DOC.guideline, 'Thema 2, aanbeveling 7');

export const conversationGuide: ConversationStep[] = [
  {
    order: 1,
    code: 'name_the_positive',
    title: {
      nl: 'Kijk samen naar het kind en benoem eerst wat goed gaat',
      en: 'Watch the child together and name what goes well first',
    },
    guidance: {
      nl: 'Beschrijf hardop wat het kind laat zien; zo geef je de ouder een voorbeeld en kom je vanzelf bij het onderwerp. Noem positieve punten in het contact, zoals ontspannen omgang, elkaar aankijken, een kind dat steun zoekt en getroost wordt, of een ouder die met warmte over het kind praat. Bewaar zorgen voor later, zodat de ouder niet in de verdediging schiet.',
      en: 'Describe out loud what the child shows; this models it for the parent and leads naturally into the topic. Mention positive points in the contact, such as being at ease together, eye contact, a child who seeks support and is comforted, or a parent who speaks warmly about the child. Keep concerns for later so the parent does not become defensive.',
    },
    examplePhrase: {
      nl: 'Kijk, ze zoekt jou steeds even op met haar ogen.',
      en: 'Look, she keeps checking in with you with her eyes.',
    },
    sources: [table23, rec7],
  },
  {
    order: 2,
    code: 'invite_reflection',
    title: {
      nl: 'Nodig de ouder uit te vertellen over het kind en het ouderschap',
      en: 'Invite the parent to talk about the child and parenthood',
    },
    guidance: {
      nl: 'Vraag hoe de ouder het kind zou beschrijven en hoe het contact en het ouderschap voelen. Luister echt, probeer te begrijpen wat er in de ouder omgaat en geef ruimte aan zorgen, twijfels en emoties. Heb oog voor wat het zwaar maakt, zoals weinig steun, werk of andere kinderen, en leg uit hoe omstandigheden kunnen meespelen in plaats van schuld te leggen.',
      en: 'Ask how the parent would describe the child and how the contact and parenthood feel. Really listen, try to understand what goes on in the parent, and make room for worries, doubts and emotions. Notice what makes things hard, such as little support, work or other children, and explain how circumstances can play a part rather than assigning blame.',
    },
    examplePhrase: {
      nl: 'Hoe zou jij je kindje omschrijven?',
      en: 'How would you describe your little one?',
    },
    sources: [table23],
  },
  {
    order: 3,
    code: 'share_observations',
    title: {
      nl: 'Deel je observaties neutraal en zonder oordeel',
      en: 'Share your observations neutrally and without judgement',
    },
    guidance: {
      nl: 'Pas als de ouder zich gezien voelt, breng je eventuele zorgen in: beschrijf zo feitelijk mogelijk wat je zag, of sluit aan bij wat de ouder zelf al noemde. Vraag of de ouder het herkent en zoek samen naar overeenstemming; help de ouder te bedenken wat het kind voelt of nodig heeft. Herkent de ouder het niet, kom er dan bij een volgend contact op terug. Gebruik woorden als band, contact en basisvertrouwen.',
      en: 'Only once the parent feels seen do you raise any concerns: describe what you saw as factually as possible, or build on what the parent already mentioned. Ask whether the parent recognises it and seek agreement together; help the parent think about what the child feels or needs. If the parent does not recognise it, return to it at a next contact. Use words like bond, contact and basic trust.',
    },
    examplePhrase: {
      nl: 'Het valt me op dat hij weinig naar je toe komt als hij schrikt; herken je dat?',
      en: 'I notice he rarely comes to you when he gets a fright; does that sound familiar?',
    },
    sources: [table23, rec7, src(DOC.guideline, 'Thema 2, aanbeveling 10')],
  },
  {
    order: 4,
    code: 'inform_and_advise',
    title: {
      nl: 'Rond af met informatie, tips en afspraken',
      en: 'Close with information, tips and agreements',
    },
    guidance: {
      nl: 'Vraag wat de ouder nodig heeft en geef passende tips en voorlichting. Spreek af (met toestemming van de ouder) dat het onderwerp bij een volgend contact terugkomt, of plan een extra contact. Bij een vermoeden van een verstoorde relatie kan een vragenlijst helpen; bij zorgen over de veiligheid volg je de meldcode met het afwegingskader.',
      en: 'Ask what the parent needs and give fitting tips and information. Agree (with the parent’s permission) that the topic returns at the next contact, or plan an extra contact. If a disturbed relationship is suspected, a questionnaire can help; with safety concerns, follow the reporting code and its weighing framework.',
      nlBE: 'Vraag wat de ouder nodig heeft en geef passende tips en informatie. Spreek af (met toestemming van de ouder) dat het onderwerp bij een volgend contact terugkomt, of plan een extra contact. Bij een vermoeden van een verstoorde relatie kan een vragenlijst helpen; bij zorgen over de veiligheid overleg je met het Vertrouwenscentrum Kindermishandeling.',
    },
    examplePhrase: {
      nl: 'Wat zou jou nu het meest helpen?',
      en: 'What would help you most right now?',
    },
    sources: [table23, src(DOC.guideline, 'Thema 2, aanbeveling 4')],
  },
];
