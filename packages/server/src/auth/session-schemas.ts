import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password.ts';
import { sessionUserSchema } from './user-presenter.ts';

/**
 * Bounded so a hostile client cannot make argon2 hash megabytes; generous enough that any password the policy
 * accepts fits (the policy counts characters, zod UTF-16 units).
 */
const anyPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);
const totpCode = z.string().trim().max(16);

export const loginBody = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: anyPassword,
    totp: totpCode.optional(),
  })
  .strict();

export const totpBody = z.object({ code: totpCode.min(1) }).strict();

export const passwordChangeBody = z
  .object({ currentPassword: anyPassword, newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4) })
  .strict();

export const sessionResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const enrolResponse = z.object({
  stage: z.literal('enrol'),
  otpauthUrl: z.string(),
  secret: z.string(),
  csrfToken: z.string(),
});

export const errorResponse = z
  .object({ error: z.string(), field: z.string().optional(), message: z.string() })
  .catchall(z.unknown());
