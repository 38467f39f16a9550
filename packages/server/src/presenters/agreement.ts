import type { Agreement } from '@nestwerk/contract';
import type { AgreementRow } from '../repositories/agreements.ts';
import { flag } from '../repositories/db.ts';

export function presentAgreement(a: AgreementRow, today: string): Agreement {
  return {
    id: a.id,
    contactId: a.contact_id,
    text: a.text,
    // The topic only travels with the parent's permission to bring it up again (guideline Thema 2).
    nextTopic: flag(a.next_topic_permission) ? a.next_topic : null,
    nextTopicPermission: flag(a.next_topic_permission),
    extraContact: flag(a.extra_contact),
    followUpDue: a.follow_up_due,
    status: a.status,
    supersededBy: a.superseded_by,
    overdue: a.status === 'open' && a.follow_up_due !== null && a.follow_up_due < today,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    version: a.version,
  };
}
