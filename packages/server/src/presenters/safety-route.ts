import type { SafetyRoute } from '@nestwerk/contract';
import { knowledge } from '@nestwerk/knowledge';
import type { SafetyRouteRow, SafetyRouteStepRow } from '../repositories/safety-routes.ts';

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Answers and decisions are stored as JSON objects; anything else reads as none. */
function parseRecord(json: string | null): Record<string, unknown> | null {
  const value = parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function safetyRouteKnowledge(region: 'nl' | 'be') {
  const route = knowledge.safetyRoutes.find((r) => r.region === region);
  if (!route) throw new Error(`no safety route for region ${region}`);
  return route;
}

export function presentSafetyRoute(
  r: SafetyRouteRow,
  steps: readonly SafetyRouteStepRow[],
  names: ReadonlyMap<string, string>,
): SafetyRoute {
  const route = safetyRouteKnowledge(r.region);
  const done = new Map(steps.map((s) => [s.step, s]));
  const who = (id: string) => ({ id, name: names.get(id) ?? null });
  const next = route.steps.findIndex((_, i) => !done.has(i + 1));
  const concerns = parse(r.concerns_json);
  return {
    id: r.id,
    region: r.region,
    route: r.route,
    label: route.label,
    status: r.status,
    concerns: Array.isArray(concerns) ? concerns.filter((c): c is string => typeof c === 'string') : [],
    currentStep: r.status === 'open' && next !== -1 ? next + 1 : null,
    steps: route.steps.map((t, i) => {
      const s = done.get(i + 1);
      return {
        step: i + 1,
        text: t,
        done: s !== undefined,
        recordedAt: s?.recorded_at ?? null,
        recordedBy: s ? who(s.recorded_by) : null,
        notes: s?.notes ?? null,
        answers: s ? parseRecord(s.answers_json) : null,
      };
    }),
    decision: parseRecord(r.decision_json),
    openedAt: r.opened_at,
    openedBy: who(r.opened_by),
    closedAt: r.closed_at,
    closedBy: r.closed_by ? who(r.closed_by) : null,
    version: r.version,
  };
}
