// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n } from '../../i18n/index.ts';
import { CueChecklist } from './CueChecklist.tsx';
import type { ContactForm } from './form.ts';

afterEach(cleanup);

function show(cues: ContactForm['cues'], unborn: boolean) {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <LocaleProvider region="nl">
          <CueChecklist cues={cues} update={() => {}} unborn={unborn} />
        </LocaleProvider>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('the cue checklist', () => {
  it('asks what was seen between parent and child once the child is born', () => {
    show({}, false);
    expect(screen.getAllByRole('checkbox')).toHaveLength(23);
    expect(screen.queryByTestId('cues-unborn')).toBeNull();
    expect(screen.queryByTestId('cues-unborn-ticked')).toBeNull();
  });

  it('before the birth says what to listen for instead, with its source, and asks nothing that cannot be seen', () => {
    show({}, true);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    const note = screen.getByTestId('cues-unborn');
    expect(note.textContent).toMatch(/nog niet geboren/);
    expect(note.textContent).toMatch(/Thema 1/);
  });

  it('keeps cues an older draft ticked before the birth, so they can be unticked', () => {
    show({ relaxed_contact: true }, true);
    const ticked = screen.getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked);
    expect(ticked).toHaveLength(1);
    expect(screen.getByTestId('cues-unborn-ticked').textContent).toMatch(/Haal de vinkjes weg/);
  });
});
