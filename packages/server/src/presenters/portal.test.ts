import { describe, expect, it } from 'vitest';
import { accessLogAction } from './portal.ts';

describe('the parent’s access log in plain words', () => {
  it('calls a look at any part of the file a look, not the writing its topic would suggest', () => {
    for (const action of [
      'family.read',
      'contact.read',
      'screening.list',
      'referral.list',
      'referral.options',
      'referral.preview',
      'referral.intake.read',
      'care_network.read',
      'safety_route.read',
      'portal.access.read',
      'portal.self_report.read',
      'portal.held_back.read',
      'person.national_id.read',
      'family.access_log',
    ])
      expect(accessLogAction(action), action).toBe('read');
  });

  it('names what was written or worked on by its topic', () => {
    expect(accessLogAction('contact.create')).toBe('contact');
    expect(accessLogAction('contact.update')).toBe('contact');
    expect(accessLogAction('agreement.update')).toBe('agreement');
    expect(accessLogAction('referral.send')).toBe('referral');
    expect(accessLogAction('consent.withdraw')).toBe('consent');
    expect(accessLogAction('screening.create')).toBe('screening');
    expect(accessLogAction('instrument_response.create')).toBe('screening');
    expect(accessLogAction('portal.access.suspend')).toBe('portal');
    expect(accessLogAction('family.update')).toBe('changed');
  });

  it('keeps a list, an export and the unknown apart', () => {
    expect(accessLogAction('worklist.read.listed')).toBe('listed');
    expect(accessLogAction('family.search.listed')).toBe('listed');
    expect(accessLogAction('export')).toBe('export');
    expect(accessLogAction('fhir.export')).toBe('export');
    expect(accessLogAction('family.transfer')).toBe('other');
  });
});
