import { describe, expect, it } from 'vitest';
import { suggestedPasskeyName } from './passkey.ts';

const UA = {
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  Android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  Mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  Windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  ChromeOS:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  Linux: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
} as const;

describe('suggestedPasskeyName', () => {
  it('names a passkey kept on this device by the kind of device, before the more general kinds it also matches', () => {
    // iPhones say "like Mac OS X", Android and ChromeOS say Linux: the specific kind must win.
    for (const [kind, userAgent] of Object.entries(UA))
      expect(suggestedPasskeyName('platform', userAgent)).toBe(kind);
  });

  it('suggests nothing for a passkey on another device or a security key, or an unknown device', () => {
    expect(suggestedPasskeyName('cross-platform', UA.iPhone)).toBeUndefined();
    expect(suggestedPasskeyName(undefined, UA.Mac)).toBeUndefined();
    expect(suggestedPasskeyName('platform', 'curl/8.5.0')).toBeUndefined();
  });
});
