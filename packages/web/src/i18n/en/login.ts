import type { Messages } from '../nl.ts';

export const login: Messages['login'] = {
  title: 'Log in to Nestwerk',
  intro: "Log in with your work account. Your data and the families' data stay within your organisation.",
  email: 'Email address',
  password: 'Password',
  submit: 'Log in',
  wrongCredentials: 'The email address or password is not correct.',
  locked:
    'Too many failed attempts: this account is locked for a while. Try again later or ask your application manager for help.',
  rateLimited: 'Too many attempts in a short time. Wait a moment and try again.',
  expired: 'Your session has expired. Log in again; your work has been kept.',
  loggedOut: 'You have logged out.',
  totpTitle: 'Second step: code from your authenticator app',
  totpLabel: '6-digit code',
  totpHelp: 'Open the authenticator app on your phone and type the code it now shows for Nestwerk.',
  totpSubmit: 'Confirm',
  totpWrong: 'This code is not correct or has expired. Type the new code from the app.',
  recoveryTitle: 'Second step: recovery code',
  recoveryLabel: 'Recovery code',
  recoveryHelp:
    'One of the ten recovery codes you received when you set up the second step. Each code works once.',
  recoveryWrong: 'This recovery code is not valid or has been used already.',
  useRecoveryCode: 'Lost your phone? Use a recovery code',
  useTotpCode: 'Use a code from the app instead',
  codesTitle: 'Store your recovery codes',
  codesIntro:
    'With these codes you can log in if you lose your phone. Each code works once. They are shown only now: print them or keep them somewhere safe, not on your phone.',
  codesStored: 'I have stored the codes',
  enrolTitle: 'Set up two-step verification',
  enrolIntro:
    'Your account needs a second step. Add Nestwerk to an authenticator app (for example with the key below), then type the code the app shows.',
  enrolSecret: 'Secret key',
  enrolUrl: 'Link for the app (otpauth)',
  enrolCopyHint: 'Type or paste this key into the app. Share it with no one.',
  back: 'Back',
  lockedUntil: 'Locked until {{time}}.',
  changeTitle: 'Choose a new password',
  changeIntro: 'Your password was reset. Choose a new password before you continue.',
  newPassword: 'New password',
  repeatPassword: 'New password again',
  passwordMismatch: 'The two passwords are not the same.',
  policy: {
    too_short: 'The password must be at least 12 characters long.',
    too_long: 'The password must be at most 128 characters long.',
    repetitive: 'The password repeats too few characters. Choose a longer phrase.',
    common: 'This password appears in lists of leaked passwords. Choose another.',
    personal:
      'The password must not contain your name, your e-mail address or the name of your organisation.',
    weak: 'This password is too easy to guess (a keyboard row, a sequence, a word with a year). Choose a longer phrase of unrelated words.',
  },
};
