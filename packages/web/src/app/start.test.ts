import { describe, expect, it } from 'vitest';
import { caresForFamilies, startPath } from './start.ts';

describe('start page per role', () => {
  it('sends each role to a page it may open', () => {
    expect(startPath('nurse')).toBe('/worklist');
    expect(startPath('physician')).toBe('/worklist');
    expect(startPath('team_lead')).toBe('/team');
    expect(startPath('imh_specialist')).toBe('/intake');
    expect(startPath('application_manager')).toBe('/admin/users');
    expect(startPath('analyst')).toBe('/dashboard');
  });
  it('gives only care roles the worklist', () => {
    expect(caresForFamilies('nurse')).toBe(true);
    expect(caresForFamilies('imh_specialist')).toBe(false);
    expect(caresForFamilies('application_manager')).toBe(false);
    expect(caresForFamilies('analyst')).toBe(false);
  });
});
