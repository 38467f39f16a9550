import { admin } from './nl/admin.ts';
import { advice } from './nl/advice.ts';
import { app } from './nl/app.ts';
import { balance } from './nl/balance.ts';
import { common } from './nl/common.ts';
import { contact } from './nl/contact.ts';
import { dashboard } from './nl/dashboard.ts';
import { exchange } from './nl/exchange.ts';
import { family } from './nl/family.ts';
import { instruments } from './nl/instruments.ts';
import { interventions } from './nl/interventions.ts';
import { login } from './nl/login.ts';
import { network } from './nl/network.ts';
import { register } from './nl/register.ts';
import { screening } from './nl/screening.ts';
import { sources } from './nl/sources.ts';
import { team } from './nl/team.ts';
import { tips } from './nl/tips.ts';
import { worklist } from './nl/worklist.ts';

/**
 * Dutch as used in the Netherlands: the reference catalogue. Every other language has the same keys
 * (checked by the type checker and by i18n.test.ts); Flemish (nl-BE) overrides only what differs.
 * Words shown to parents follow guideline Thema 2 recommendation 10: "band", "contact", "basisvertrouwen".
 */
export const nl = {
  app,
  common,
  login,
  worklist,
  dashboard,
  team,
  family,
  balance,
  exchange,
  register,
  contact,
  advice,
  tips,
  instruments,
  interventions,
  sources,
  network,
  admin,
  screening,
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill. */
export type Messages = Widen<typeof nl>;
export type PartialMessages = { [K in keyof Messages]?: DeepPartial<Messages[K]> };
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
