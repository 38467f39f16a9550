import { admin } from './en/admin.ts';
import { advice } from './en/advice.ts';
import { app } from './en/app.ts';
import { balance } from './en/balance.ts';
import { common } from './en/common.ts';
import { contact } from './en/contact.ts';
import { dashboard } from './en/dashboard.ts';
import { exchange } from './en/exchange.ts';
import { family } from './en/family.ts';
import { instruments } from './en/instruments.ts';
import { interventions } from './en/interventions.ts';
import { login } from './en/login.ts';
import { network } from './en/network.ts';
import { register } from './en/register.ts';
import { screening } from './en/screening.ts';
import { sources } from './en/sources.ts';
import { team } from './en/team.ts';
import { tips } from './en/tips.ts';
import { worklist } from './en/worklist.ts';
import type { Messages } from './nl.ts';

/** English. Same keys as Dutch; the type checker refuses a missing or extra key. */
export const en: Messages = {
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
