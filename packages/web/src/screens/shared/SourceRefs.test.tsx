// @vitest-environment happy-dom
import { DOC, src } from '@nestwerk/knowledge';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { SourceRefs } from './SourceRefs.tsx';

afterEach(cleanup);

describe('the passages behind a piece of advice', () => {
  it('names each passage once, also in advice stored when the engine could name one twice', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <SourceRefs
            sources={[
              src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c'),
              src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c'),
              src(DOC.guideline, 'Thema 4, Betrokkenen: Veilig Thuis'),
            ]}
          />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(2);
    expect(links.map((a) => a.parentElement?.textContent)).toEqual([
      expect.stringContaining('stap 4c'),
      expect.stringContaining('Betrokkenen: Veilig Thuis'),
    ]);
    expect(screen.getByText('Bronnen:')).toBeTruthy();
  });
});
