import type { OpenRouteIn, SafetyRoute, StepIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../../http/errors.ts';
import { presentSafetyRoute, safetyRouteKnowledge } from '../../presenters/safety-route.ts';
import type { Db } from '../../repositories/db.ts';
import { organisationRegion } from '../../repositories/organisations.ts';
import {
  closeSafetyRoute,
  currentSafetyRoute,
  findOpenSafetyRoute,
  findSafetyRoute,
  findSafetyRouteFamilyId,
  insertSafetyRoute,
  insertSafetyRouteStep,
  listSafetyRouteSteps,
  type SafetyRouteRow,
  touchSafetyRoute,
} from '../../repositories/safety-routes.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';
import { checkDecision, parseStepAnswers } from './answers.ts';

/**
 * The safety route for suspected maltreatment, neglect or domestic violence (DESIGN.md §2.9): the Meldcode
 * with its weighing framework and Veilig Thuis in the Netherlands, the Vertrouwenscentrum Kindermishandeling
 * with professional secrecy in Flanders. Guided (steps in order, texts from the knowledge), logged (every
 * step with who, when and notes, every change audited), and visible on the worklist while open.
 */
export async function presentRoute(trx: Db, route: SafetyRouteRow): Promise<SafetyRoute> {
  const steps = await listSafetyRouteSteps(trx, route.id);
  const ids = [route.opened_by, route.closed_by, ...steps.map((s) => s.recorded_by)].filter(
    (i): i is string => i !== null,
  );
  const users = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return presentSafetyRoute(route, steps, new Map(users.map((u) => [u.id, u.display_name])));
}

async function load(trx: Db, id: string): Promise<SafetyRouteRow> {
  const route = await findSafetyRoute(trx, id);
  if (!route) throw notFound();
  return route;
}

export function openSafetyRoute(
  ctx: RequestContext,
  familyId: string,
  body: OpenRouteIn,
): Promise<SafetyRoute> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'safety_route.open' }, async (trx) => {
    const open = await findOpenSafetyRoute(trx, familyId);
    if (open)
      throw new HttpError(
        'conflict',
        'A safety route is already open for this family: continue that one.',
        'route',
        {
          current: await presentRoute(trx, open),
        },
      );
    const region = await organisationRegion(trx, ctx.principal.organisationId);
    const id = uuid();
    await insertSafetyRoute(trx, {
      id,
      family_id: familyId,
      region,
      route: safetyRouteKnowledge(region).intervention,
      concerns_json: JSON.stringify([...new Set(body.concerns)]),
      status: 'open',
      decision_json: null,
      opened_by: ctx.principal.userId,
      opened_at: ctx.at,
      closed_by: null,
      closed_at: null,
      version: 1,
    });
    return {
      value: await presentRoute(trx, await load(trx, id)),
      details: { routeId: id, region, concerns: body.concerns },
    };
  });
}

export function familySafetyRoute(
  ctx: RequestContext,
  familyId: string,
): Promise<{ current: SafetyRoute | null }> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'safety_route.read' }, async (trx) => {
    const route = await currentSafetyRoute(trx, familyId);
    return {
      value: { current: route ? await presentRoute(trx, route) : null },
      details: { routeId: route?.id ?? null },
    };
  });
}

const familyOfRoute = (id: string) => (trx: Db) => findSafetyRouteFamilyId(trx, id);

export function readSafetyRoute(ctx: RequestContext, id: string): Promise<SafetyRoute> {
  return withFamily(
    ctx,
    { family: familyOfRoute(id), action: 'read', audit: 'safety_route.read' },
    async (trx) => ({
      value: await presentRoute(trx, await load(trx, id)),
      details: { routeId: id },
    }),
  );
}

/** Records the next step; steps go in order, each once. The fifth step is the decision and closes the route. */
export function recordSafetyStep(ctx: RequestContext, id: string, body: StepIn): Promise<SafetyRoute> {
  return withFamily(
    ctx,
    { family: familyOfRoute(id), action: 'write', audit: 'safety_route.step' },
    async (trx) => {
      const route = await load(trx, id);
      if (route.status !== 'open')
        throw new HttpError(
          'conflict',
          'This safety route is closed; open a new one if new concerns arise.',
          'status',
          {
            status: route.status,
          },
        );
      const steps = await listSafetyRouteSteps(trx, id);
      const next = steps.length + 1;
      if (body.step !== next)
        throw new HttpError(
          'conflict',
          body.step < next
            ? `Step ${body.step} has already been recorded.`
            : `Record step ${next} first: the steps go in order.`,
          'step',
          { currentStep: next },
        );
      const answers = parseStepAnswers(route.region, body.step, body.answers);
      if (body.step === 5) {
        const weighing = steps.find((s) => s.step === 4)?.answers_json ?? null;
        checkDecision(
          route.region,
          weighing ? (JSON.parse(weighing) as Record<string, unknown>) : null,
          answers ?? {},
        );
      }
      await insertSafetyRouteStep(trx, {
        route_id: id,
        step: body.step,
        recorded_by: ctx.principal.userId,
        recorded_at: ctx.at,
        notes: body.notes,
        answers_json: answers === null ? null : JSON.stringify(answers),
      });
      if (body.step === 5)
        await closeSafetyRoute(trx, id, ctx.principal.userId, JSON.stringify(answers), ctx.at);
      else await touchSafetyRoute(trx, id);
      return {
        value: await presentRoute(trx, await load(trx, id)),
        details: { routeId: id, step: body.step, ...(body.step === 5 ? { decision: answers } : {}) },
      };
    },
  );
}

/** Ends a route before its decision, e.g. when the concern turned out unfounded; the reason is recorded. */
export function closeSafetyRouteEarly(ctx: RequestContext, id: string, reason: string): Promise<SafetyRoute> {
  return withFamily(
    ctx,
    { family: familyOfRoute(id), action: 'write', audit: 'safety_route.close' },
    async (trx) => {
      const route = await load(trx, id);
      if (
        !(await closeSafetyRoute(
          trx,
          id,
          ctx.principal.userId,
          JSON.stringify({ closedEarly: true, reason }),
          ctx.at,
        ))
      )
        throw new HttpError('conflict', 'This safety route is already closed.', 'status', {
          status: route.status,
        });
      return {
        value: await presentRoute(trx, await load(trx, id)),
        details: { routeId: id, closedEarly: true },
      };
    },
  );
}
