import type { OptionsQueryIn, ReferralOptions } from '@nestwerk/contract';
import { assessmentOf } from '../../domain/referral-defaults.ts';
import { HttpError } from '../../http/errors.ts';
import { coded, isInterventionCode } from '../../network/vocabulary.ts';
import { presentPartner } from '../../presenters/partner.ts';
import type { Db } from '../../repositories/db.ts';
import { findFamily } from '../../repositories/families.ts';
import { organisationRegion } from '../../repositories/organisations.ts';
import { searchPartners, withLists } from '../../repositories/partners.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

interface StoredRecommendation {
  id: string;
  category: string;
  interventions: string[];
}

function recommendationsOf(resultJson: string): StoredRecommendation[] {
  try {
    const value = JSON.parse(resultJson) as { recommendations?: unknown };
    if (!Array.isArray(value.recommendations)) return [];
    return value.recommendations.flatMap((r: unknown) => {
      const rec = r as Partial<StoredRecommendation>;
      return typeof rec.id === 'string' &&
        typeof rec.category === 'string' &&
        Array.isArray(rec.interventions)
        ? [
            {
              id: rec.id,
              category: rec.category,
              interventions: rec.interventions.filter((i) => typeof i === 'string'),
            },
          ]
        : [];
    });
  } catch {
    return [];
  }
}

export interface Advice {
  recommendation: { id: string; category: string } | null;
  interventions: string[];
}

/**
 * What is advised: intervention codes given directly, one recommendation of the assessment by its id, or —
 * without a parameter — everything the latest assessment recommends.
 */
export async function adviceFor(
  trx: Db,
  familyId: string,
  recommendation: string | undefined,
  contactId: string | undefined,
): Promise<Advice> {
  const tokens = (recommendation ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length > 0 && tokens.every(isInterventionCode))
    return { recommendation: null, interventions: [...new Set(tokens)] };
  if (tokens.length > 1)
    throw new HttpError(
      'invalid_input',
      'Give one recommendation id, or a comma-separated list of intervention codes.',
      'recommendation',
    );
  const assessment = await assessmentOf(trx, familyId, contactId);
  const recs = assessment ? recommendationsOf(assessment.resultJson) : [];
  if (tokens.length === 1) {
    const rec = recs.find((r) => r.id === tokens[0]);
    if (!rec)
      throw new HttpError(
        'invalid_input',
        'The family’s assessment has no recommendation with this id, and it is no intervention code either.',
        'recommendation',
      );
    return { recommendation: { id: rec.id, category: rec.category }, interventions: rec.interventions };
  }
  return { recommendation: null, interventions: [...new Set(recs.flatMap((r) => r.interventions))] };
}

/**
 * Partners of the organisation's social map that offer what is advised, those serving the family's
 * municipality first, then by how much of the advice they cover.
 */
export function referralOptions(
  ctx: RequestContext,
  familyId: string,
  query: OptionsQueryIn,
): Promise<ReferralOptions> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'referral.options' }, async (trx) => {
    const family = await findFamily(trx, familyId);
    if (!family) throw notFound();
    const country = await organisationRegion(trx, ctx.principal.organisationId);
    const advice = await adviceFor(trx, familyId, query.recommendation, query.contactId);
    const { hits, total } = await searchPartners(trx, {
      organisationId: ctx.principal.organisationId,
      country,
      kind: query.kind,
      interventions: advice.interventions.length > 0 ? advice.interventions : undefined,
      preferMunicipality: family.municipality,
      offset: query.offset,
      limit: query.limit,
    });
    const records = await withLists(
      trx,
      hits.map((h) => h.row),
    );
    const wanted = new Set(advice.interventions);
    return {
      value: {
        recommendation: advice.recommendation,
        interventions: advice.interventions.map((c) => coded('intervention', c, country)),
        family: { municipality: family.municipality, country },
        items: records.map((p, i) => ({
          ...presentPartner(p),
          offers: p.interventions.filter((c) => wanted.has(c)),
          inFamilyMunicipality: hits[i]?.local ?? false,
        })),
        total,
      },
      details: { recommendation: advice.recommendation?.id ?? null, interventions: advice.interventions },
    };
  });
}
