export { questionnaireDefinitionSchema } from './definition.ts';
export type { QuestionnaireDefinition, QuestionnaireDefinitionJson } from './definition.ts';
export { scoreQuestionnaire } from './score.ts';
export type { Answers, QuestionnaireScore, ScaleScore, ScoreResult } from './score.ts';
