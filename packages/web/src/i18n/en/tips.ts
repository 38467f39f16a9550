import type { Messages } from '../nl.ts';

export const tips: Messages['tips'] = {
  title: 'Tips for parents',
  intro: "Short tips in plain language to hand over. Choose the child's age and the parent's language.",
  band: "Child's age",
  bands: {
    '0_2': '0 to 2 years',
    '2_4': '2 to 4 years',
    '4_12': '4 to 12 years',
    '12_plus': '12 years and older',
  },
  language: 'Language of the tips',
  print: 'Print or save as PDF',
  printHint: 'In the print window choose "Save as PDF" to make a PDF.',
  footer: 'Given by {{organisation}} on {{date}}. Questions? Feel free to raise them at the next contact.',
  phone: 'Questions in between? Call {{organisation}}: {{phone}}.',
};
