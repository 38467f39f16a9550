/**
 * The screen chunk for the address the app opens on, requested at once: otherwise it is requested only after
 * the session check answers (the routes render nothing before), and a reload waits for two round trips
 * before the page can even ask for its data. The specifiers are the ones App.tsx gives `lazy`, so both share
 * one chunk and one request; a path not listed here just loads as before.
 */
const SCREENS: ReadonlyArray<readonly [RegExp, () => Promise<unknown>]> = [
  [/^\/login$/, () => import('../screens/login/LoginPage.tsx')],
  [/^\/(worklist)?$/, () => import('../screens/worklist/WorklistPage.tsx')],
  [/^\/families\/new$/, () => import('../screens/register/RegisterFamilyPage.tsx')],
  [
    /^\/families\/[^/]+\/contacts\/new$|^\/contacts\/[^/]+$/,
    () => import('../screens/contact/ContactPage.tsx'),
  ],
  [/^\/families\/[^/]+\/screenings\/new$/, () => import('../screens/screening/ScreeningPage.tsx')],
  [/^\/families\/[^/]+\/refer$/, () => import('../screens/referral/NewReferralPage.tsx')],
  [/^\/families\/[^/]+$/, () => import('../screens/family/FamilyPage.tsx')],
  [/^\/referrals\/[^/]+$/, () => import('../screens/referral/ReferralPage.tsx')],
  [/^\/intake$/, () => import('../screens/intake/IntakePage.tsx')],
  [/^\/intake\/[^/]+$/, () => import('../screens/intake/IntakeDetailPage.tsx')],
  [/^\/notifications$/, () => import('../screens/notifications/NotificationsPage.tsx')],
  [/^\/tips$/, () => import('../screens/tips/TipsPage.tsx')],
  [/^\/instruments$/, () => import('../screens/instruments/InstrumentsPage.tsx')],
  [/^\/instruments\/fill\/[^/]+$/, () => import('../screens/instruments/FillInstrumentPage.tsx')],
  [/^\/interventions$/, () => import('../screens/interventions/InterventionsPage.tsx')],
  [/^\/sources$/, () => import('../screens/sources/SourcesPage.tsx')],
  [/^\/partners$/, () => import('../screens/partners/PartnersPage.tsx')],
  [/^\/admin\/users$/, () => import('../screens/admin/UsersPage.tsx')],
  [/^\/admin\/approvals$/, () => import('../screens/admin/ApprovalsPage.tsx')],
];

export function preloadScreen(pathname: string): void {
  const screen = SCREENS.find(([pattern]) => pattern.test(pathname));
  // A failed preload is retried by `lazy` when the route renders, and reported there.
  screen?.[1]().catch(() => undefined);
}
