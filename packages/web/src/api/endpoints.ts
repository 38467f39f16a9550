import { type ApiClient, api, query } from './client.ts';
import type {
  Agreement,
  Contact,
  ContactIn,
  ContactWithAssessment,
  DueFilter,
  Family,
  FamilyIn,
  FamilyPatch,
  InstrumentResponseIn,
  Page,
  Person,
  WorklistItem,
  WorklistScope,
} from './types.ts';

/** One function per route of docs/api.md, typed; screens use these through TanStack Query. */
export function endpoints(client: ApiClient) {
  return {
    worklist: (params: {
      scope: WorklistScope;
      q?: string;
      due?: DueFilter;
      offset?: number;
      limit?: number;
    }) => client.get<Page<WorklistItem>>(`/api/worklist${query(params)}`),

    family: (id: string) => client.get<Family>(`/api/families/${encodeURIComponent(id)}`),
    createFamily: (body: FamilyIn) => client.post<Family>('/api/families', body),
    patchFamily: (id: string, body: FamilyPatch) =>
      client.patch<Family>(`/api/families/${encodeURIComponent(id)}`, body),
    patchPerson: (id: string, body: Record<string, unknown> & { version: number }) =>
      client.patch<Person>(`/api/persons/${encodeURIComponent(id)}`, body),

    contact: (id: string) => client.get<ContactWithAssessment>(`/api/contacts/${encodeURIComponent(id)}`),
    createContact: (familyId: string, body: ContactIn) =>
      client.post<ContactWithAssessment>(`/api/families/${encodeURIComponent(familyId)}/contacts`, body),
    updateContact: (id: string, body: ContactIn & { version: number }) =>
      client.put<ContactWithAssessment>(`/api/contacts/${encodeURIComponent(id)}`, body),

    patchAgreement: (id: string, body: { version: number; status?: 'open' | 'done'; followUpDue?: string }) =>
      client.patch<Agreement>(`/api/agreements/${encodeURIComponent(id)}`, body),

    instrumentResponse: (familyId: string, body: InstrumentResponseIn) =>
      client.post<unknown>(`/api/families/${encodeURIComponent(familyId)}/instrument-responses`, body),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
export type { Contact };

export const server = endpoints(api);
