export const balance = {
  pictureTitle: 'Balans van draaglast en draagkracht per niveau',
  pictureDesc: '{{level}}: {{hindering}} belemmerend, {{protective}} beschermend.',
  burden: 'Draaglast',
  strength: 'Draagkracht',
  historyTitle: 'Verloop van de balans over de contacten',
  historyDesc: 'Per contact het aantal belemmerende en beschermende factoren per niveau.',
  net: 'saldo',
};
