import type { Resource } from '@medplum/fhirtypes';
import type { FhirBundle, FhirCapabilityStatement, FhirCodeSystem, FhirResource } from '@nestwerk/contract';
import { capabilityStatement } from '../../fhir/capability.ts';
import { nestwerkCodeSystem } from '../../fhir/code-systems.ts';
import { exportBundle } from '../../fhir/export-bundle.ts';
import { loadFhirInput } from '../../fhir/load-input.ts';
import { HttpError } from '../../http/errors.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * The same JSON in the contract's type: FHIR's interfaces have no index signature, the contract's pass-through
 * objects do, so TypeScript cannot see that one is the other.
 */
function asContract<R extends Resource, T extends FhirResource>(resource: R): T {
  return resource as unknown as T;
}

/**
 * The family file as a FHIR Bundle: a disclosure of the whole file, so the same decision as the parents' export
 * (care relationship; not under emergency access) and an audited read of its own.
 */
export function exportFamilyFhir(ctx: RequestContext, familyId: string): Promise<FhirBundle> {
  return withFamily(ctx, { family: familyId, action: 'export', audit: 'fhir.export' }, async (trx) => {
    const loaded = await loadFhirInput(trx, familyId, { at: ctx.at, today: ctx.today }, ctx.secrets);
    if (!loaded) throw notFound();
    const bundle = exportBundle(loaded.input);
    return {
      value: asContract<Resource, FhirBundle>(bundle),
      personIds: loaded.personIds,
      details: { format: 'fhir-r4', entries: bundle.entry?.length ?? 0 },
    };
  });
}

export function readCodeSystem(name: string): FhirCodeSystem {
  const system = nestwerkCodeSystem(name);
  if (!system) throw new HttpError('not_found', `No CodeSystem "${name}".`);
  return asContract(system);
}

export function readCapabilityStatement(ctx: { today: string }): FhirCapabilityStatement {
  return asContract(capabilityStatement(ctx.today));
}
