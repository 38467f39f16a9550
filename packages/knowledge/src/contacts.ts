/** The kinds of contact moment a professional records (DESIGN §2.2). */
export const CONTACT_TYPES = ['consult', 'home_visit', 'phone', 'prenatal_visit'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** Where the parent–child relationship sits on the continuum, as suggested by the engine or agreed. */
export const RELATIONSHIP_BANDS = ['safe', 'insecure', 'problematic_suspected', 'unclear'] as const;
export type RelationshipBandCode = (typeof RELATIONSHIP_BANDS)[number];
