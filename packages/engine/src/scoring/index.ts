export type { QuestionnaireDefinition, QuestionnaireDefinitionJson } from './definition.ts';
export { questionnaireDefinitionSchema } from './definition.ts';
export type { Answers, QuestionnaireScore, ScaleScore, ScoreResult } from './score.ts';
export { scoreQuestionnaire } from './score.ts';
