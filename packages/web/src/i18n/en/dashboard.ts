import type { Messages } from '../nl.ts';

export const dashboard: Messages['dashboard'] = {
  nav: 'Dashboard',
  title: 'Municipal dashboard',
  intro:
    'Figures from Nestwerk per municipality and per fixed quarter, after the example of the RIVM Local Monitor "Kansrijke Start". Counts from 1 to 9 are never shown, nor anything they could be recomputed from.',
  region: 'Region',
  regions: { nl: 'Netherlands', be: 'Flanders' },
  from: 'From month',
  to: 'To month',
  apply: 'Show figures',
  export: 'Export as CSV',
  fixedPeriods:
    'Figures are always per whole quarter: you choose which quarters you see, not a period of your own. So nobody can subtract one overview from another.',
  quarterPicker: 'Quarter',
  quarter: 'Q{{q}} {{year}}',
  minimums:
    'x = not published: fewer than {{minCount}}, or needed to protect a small count. Percentages only over at least {{minDenominator}} children.',
  hiddenMark: 'x',
  hiddenExplained: 'not published, to protect small counts',
  chartLabel: 'Bar chart: {{title}}. The table beside it gives the same figures.',
  municipality: 'Municipality',
  route: 'Route',
  total: 'Total',
  rate: 'Share',
  median: 'Median',
  p75: '75th percentile',
  days_one: '{{formatted}} day',
  days_other: '{{formatted}} days',
  unknownMunicipality: 'Municipality unknown',
  noData: 'No figures in this quarter.',
  errors: { toBeforeFrom: 'The end month is before the start month; choose a later end month.' },
  ageBands: { prenatal: 'Pregnancy', '0_1': '0–1 year', '1_4': '1–4 years', '4_plus': '4 years and older' },
  columns: {
    present: 'Cumulative risk',
    absent: 'No cumulative risk',
    on_schedule: 'On schedule',
    off_schedule: 'Off schedule',
    accepted: 'Accepted',
    declined: 'Declined',
    waiting: 'Awaiting answer',
    closed: 'Closed without start',
    on_time: 'On time',
    late: 'Late or missing',
    pending: 'Still within time',
    meldcode_veilig_thuis: 'Reporting code / Veilig Thuis',
    vertrouwenscentrum_kindermishandeling: 'Vertrouwenscentrum Kindermishandeling',
  },
  indicators: {
    reach: {
      title: 'Reach: parent–child relationship discussed',
      help: 'Children whose parent–child relationship was discussed in the quarter, by age; the share is of all children with a contact.',
    },
    signals: {
      title: 'Signals by band',
      help: 'Children by the latest estimate of the relationship in the quarter.',
    },
    cumulative_risk: {
      title: 'Cumulative risk',
      help: 'Discussed children whose latest assessment showed an accumulation of risk factors.',
    },
    screening_timing: {
      title: 'Perinatal screenings on schedule',
      help: "Parents' screenings within the window of the screening schedule.",
    },
    screening_outcomes: {
      title: 'Perinatal screening outcomes',
      help: "Parents' screening results; a result is not a diagnosis.",
    },
    referral_outcomes: {
      title: 'Referrals by route',
      help: 'Referrals sent, by kind of partner, with their state.',
    },
    referral_feedback: {
      title: 'Feedback within the agreed time',
      help: 'Whether the partner gave feedback within the agreed number of days.',
    },
    safety_routes: {
      title: 'Safety routes opened',
      help: 'Safety routes opened in the quarter.',
    },
    time_to_help: {
      title: 'Time from first signal to start of help',
      help: 'In days; shown only over at least 10 referrals.',
    },
  },
};
