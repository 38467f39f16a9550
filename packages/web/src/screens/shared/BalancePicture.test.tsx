// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { BalancePicture } from './BalancePicture.tsx';

describe('balance picture', () => {
  afterEach(cleanup);

  it('is an image whose text alternative states every number it draws', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <BalancePicture
          tallies={{
            parent: { hindering: 3, protective: 1 },
            family: { hindering: 0, protective: 2 },
            child: { hindering: 1, protective: 0 },
          }}
        />
      </I18nextProvider>,
    );
    const img = screen.getByRole('img');
    const [titleId, descId] = (img.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(document.getElementById(titleId ?? '')?.textContent).toBe(
      'Balans van draaglast en draagkracht per niveau',
    );
    expect(document.getElementById(descId ?? '')?.textContent).toBe(
      'Ouder: 3 belemmerend, 1 beschermend. Gezin en omgeving: 0 belemmerend, 2 beschermend. Kind: 1 belemmerend, 0 beschermend.',
    );
    // No inline styles anywhere (CSP style-src 'self').
    expect(img.outerHTML).not.toMatch(/style=/);
    // Bars grow with the count: the parent's burden bar is the widest.
    const burden = [...img.querySelectorAll('.balance-picture__burden')].map((r) =>
      Number(r.getAttribute('width')),
    );
    expect(burden[0]).toBeGreaterThan(burden[2] ?? 0);
    expect(burden[1]).toBe(0);
  });
});
