import { knowledge, type Text } from '@nestwerk/knowledge';
import type { SafetyRouteRow, SafetyRouteStepRow } from '../repositories/safety-routes.ts';

export interface SafetyRouteStepOut {
  step: number;
  /** What this step asks, from the knowledge's safety route. */
  text: Text;
  done: boolean;
  recordedAt: string | null;
  recordedBy: { id: string; name: string | null } | null;
  notes: string | null;
  answers: unknown;
}

export interface SafetyRouteOut {
  id: string;
  region: 'nl' | 'be';
  route: string;
  label: Text;
  status: 'open' | 'closed';
  concerns: string[];
  /** The next step to record; null once the route is closed. */
  currentStep: number | null;
  steps: SafetyRouteStepOut[];
  decision: unknown;
  openedAt: string;
  openedBy: { id: string; name: string | null };
  closedAt: string | null;
  closedBy: { id: string; name: string | null } | null;
  version: number;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
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
): SafetyRouteOut {
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
        answers: s ? parse(s.answers_json) : null,
      };
    }),
    decision: parse(r.decision_json),
    openedAt: r.opened_at,
    openedBy: who(r.opened_by),
    closedAt: r.closed_at,
    closedBy: r.closed_by ? who(r.closed_by) : null,
    version: r.version,
  };
}
