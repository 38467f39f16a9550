import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type QuestionnaireDefinition, questionnaireDefinitionSchema } from '@nestwerk/engine';

/**
 * Questionnaire definitions an organisation is licensed to use (DESIGN §2.6): JSON files in the directory
 * named by NESTWERK_INSTRUMENT_DEFINITIONS. Nestwerk ships none (the licences do not allow it), so without
 * that directory instruments are listed but cannot be scored. A bad file stops the start with its name.
 */
export function loadInstrumentDefinitions(
  dir: string | undefined = process.env.NESTWERK_INSTRUMENT_DEFINITIONS,
): Map<string, QuestionnaireDefinition> {
  const definitions = new Map<string, QuestionnaireDefinition>();
  if (!dir) return definitions;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(dir, name);
    const parsed = questionnaireDefinitionSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Instrument definition ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
      );
    }
    definitions.set(parsed.data.id, parsed.data);
  }
  return definitions;
}
