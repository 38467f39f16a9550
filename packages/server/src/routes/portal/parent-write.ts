import type { PortalConsent, SelfReport, SelfReportIn, SelfReportResult } from '@nestwerk/contract';
import { screenParent } from '@nestwerk/engine';
import type { ParentScreeningInstrument, ScreeningOutcome } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import {
  engineScreening,
  isScreened,
  organisationThresholds,
  type StoredAnswers,
  scoreColumns,
  screeningOutcome,
} from '../../domain/perinatal.ts';
import { markSharingStopped } from '../../domain/referral-progress.ts';
import { HttpError } from '../../http/errors.ts';
import { presentPortalConsent, presentSelfReport } from '../../presenters/portal.ts';
import type { StoredScreeningResult } from '../../presenters/screening.ts';
import { findConsent, withdrawConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
import { notifyUsers } from '../../repositories/notifications.ts';
import { insertParentScreening } from '../../repositories/parent-screenings.ts';
import { listPersons } from '../../repositories/persons.ts';
import { caringUserIds, insertSelfReport, selfReportsOfPerson } from '../../repositories/portal.ts';
import { conflict } from '../shared/conflict.ts';
import { notFound } from '../shared/not-found.ts';
import { type ParentContext, parentRead, parentWrite } from './parent-context.ts';

/**
 * Withdrawing one of the parent's own consents, through the same path a professional's withdrawal takes: the
 * referrals resting on it stop sharing in this transaction, so the receiver reads 403 from the next request.
 * Another parent's consent, or another family's, is a 404.
 */
export function withdrawOwnConsent(ctx: ParentContext, consentId: string): Promise<PortalConsent> {
  return parentWrite(ctx, 'consent.withdraw', async (trx) => {
    const consent = await findConsent(trx, consentId);
    if (!consent || consent.family_id !== ctx.parent.familyId || consent.given_by !== ctx.parent.personId)
      throw notFound();
    if (!(await withdrawConsent(trx, consentId, ctx.at)))
      throw conflict('consent', presentPortalConsent(consent, ctx.today));
    const referralIds = await markSharingStopped(trx, ctx.at, consentId);
    const after = await findConsent(trx, consentId);
    if (!after) throw notFound();
    return { value: presentPortalConsent(after, ctx.today), details: { consentId, referralIds } };
  });
}

interface Answered {
  instrument: ParentScreeningInstrument;
  answers: StoredAnswers;
}

function answeredScreenings(body: SelfReportIn): Answered[] {
  const out: Answered[] = [];
  if (body.whooley)
    out.push({
      instrument: 'whooley',
      answers: { answers: [body.whooley.depressed, body.whooley.lostInterest] },
    });
  if (body.gad2)
    out.push({ instrument: 'gad_2', answers: { items: [body.gad2.nervous, body.gad2.worrying] } });
  return out;
}

const RISK_OUTCOMES: readonly ScreeningOutcome[] = ['urgent', 'clinical_assessment'];

/**
 * Risk: the engine's outcome over both answers is urgent or asks for a clinical assessment, or the two
 * questionnaires agree (a "yes" on Whooley with GAD-2 ≥ 3) — then the parent sees where to get help now
 * and the nurses who look after the family are told at once.
 */
function isRisk(body: SelfReportIn, outcome: ScreeningOutcome | null): boolean {
  if (outcome && RISK_OUTCOMES.includes(outcome)) return true;
  const whooleyYes = body.whooley ? body.whooley.depressed || body.whooley.lostInterest : false;
  const gad2 = body.gad2 ? body.gad2.nervous + body.gad2.worrying : 0;
  return whooleyYes && gad2 >= 3;
}

export function submitSelfReport(ctx: ParentContext, body: SelfReportIn): Promise<SelfReportResult> {
  const { familyId, personId, parentId, organisationId } = ctx.parent;
  if (
    body.howAreYou === undefined &&
    body.howIsChild === undefined &&
    body.wantToDiscuss === undefined &&
    body.whooley === undefined &&
    body.gad2 === undefined
  )
    throw new HttpError('invalid_input', 'Answer at least one question.', 'howAreYou').because('required');
  return parentWrite(ctx, 'portal.self_report.create', async (trx) => {
    const persons = await listPersons(trx, familyId);
    if (body.childId !== undefined && !persons.some((p) => p.id === body.childId && p.kind === 'child'))
      throw new HttpError('invalid_input', 'childId is not a child of your family.', 'childId').because(
        'not_in_family',
      );
    const me = persons.find((p) => p.id === personId);
    const family = await trx
      .selectFrom('families as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.region', 'o.name', 'o.phone'])
      .where('f.id', '=', familyId)
      .executeTakeFirstOrThrow();
    const answered = answeredScreenings(body);
    const thresholds = await organisationThresholds(trx, organisationId);
    const role = me?.caregiver_role ?? 'other';
    const combined = screenParent(
      { role, screenings: answered.map((a) => engineScreening(a.instrument, a.answers)) },
      family.region,
      'nl',
      thresholds,
    );
    const outcome = combined?.outcome ?? null;
    const risk = isRisk(body, outcome);
    // The parent's own answers feed the perinatal screening of the file, as that caregiver's, marked 'parent'.
    const screeningIds: string[] = [];
    if (me && isScreened(me) && me.caregiver_role !== null)
      for (const a of answered) {
        const screening = engineScreening(a.instrument, a.answers);
        const result = screeningOutcome(family.region, me.caregiver_role, screening, thresholds);
        const stored: StoredScreeningResult = {
          reasons: result.reasons,
          nextStep: result.nextStep,
          sources: result.sources,
          thresholds,
        };
        const id = uuid();
        screeningIds.push(id);
        await insertParentScreening(trx, {
          id,
          family_id: familyId,
          person_id: personId,
          contact_id: null,
          instrument: a.instrument,
          date: ctx.today,
          answers_json: JSON.stringify(a.answers),
          ...scoreColumns(screening),
          outcome: result.outcome,
          result_json: JSON.stringify(stored),
          created_by: parentId,
          created_at: ctx.at,
          source: 'parent',
        });
      }
    const id = uuid();
    await insertSelfReport(trx, {
      id,
      family_id: familyId,
      person_id: personId,
      parent_id: parentId,
      child_id: body.childId ?? null,
      how_are_you: body.howAreYou ?? null,
      how_is_child: body.howIsChild ?? null,
      want_to_discuss: body.wantToDiscuss ?? null,
      whooley_json: body.whooley ? JSON.stringify(body.whooley) : null,
      gad2_json: body.gad2 ? JSON.stringify(body.gad2) : null,
      outcome,
      risk: risk ? 1 : 0,
      created_at: ctx.at,
    });
    const notified = risk ? await caringUserIds(trx, familyId, ctx.today) : [];
    if (notified.length > 0)
      await notifyUsers(trx, notified, 'parent_self_report', { family_id: familyId }, ctx.at);
    const row = await trx
      .selectFrom('parent_self_reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      value: {
        report: presentSelfReport(row),
        help: risk
          ? {
              region: family.region,
              crisisLine: family.region === 'be' ? '1813' : '113',
              organisationName: family.name,
              organisationPhone: family.phone,
              gp: true as const,
            }
          : null,
      },
      // The answers stay out of the audit log; that they were given, and what followed, goes in.
      details: { selfReportId: id, screeningIds, outcome, risk, notified },
    };
  });
}

export function ownSelfReports(ctx: ParentContext): Promise<{ items: SelfReport[] }> {
  return parentRead(ctx, 'portal.self_report.list', async (trx: Db) => ({
    items: (await selfReportsOfPerson(trx, ctx.parent.personId)).map(presentSelfReport),
  }));
}
