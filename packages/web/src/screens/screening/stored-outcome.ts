import type { ParentScreening } from '@nestwerk/contract';
import { screenParent } from '@nestwerk/engine';
import type { Lang, Region } from '@nestwerk/knowledge';
import { toContactScreening } from './model.ts';
import type { OutcomeView } from './ScreeningOutcome.tsx';

/**
 * A stored screening's reasons and next step in the reader's language and region. The server keeps them as
 * worked out when the screening was recorded, in Dutch; with the cut-offs kept beside them the engine says them
 * again by the same rules. Where it cannot (no cut-offs kept, or an imported screening whose outcome was the
 * sender's and comes out otherwise here), the stored words stay: the outcome on file is never recomputed.
 */
export function storedOutcome(s: ParentScreening, lang: Lang, region: Region): OutcomeView {
  const screening = s.thresholds ? toContactScreening(s) : null;
  if (!s.thresholds || !screening) return s;
  const again = screenParent({ role: s.role, screenings: [screening] }, region, lang, s.thresholds);
  if (!again || again.outcome !== s.outcome) return s;
  return { outcome: s.outcome, reasons: again.reasons, nextStep: again.nextStep, sources: s.sources };
}
