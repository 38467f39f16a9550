// @vitest-environment happy-dom
import type { Region } from '@nestwerk/knowledge';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n } from '../../i18n/index.ts';
import { CaregiverFields } from './PersonFields.tsx';
import { type CaregiverValues, emptyCaregiver } from './validate.ts';

afterEach(cleanup);

function Form({ region, initial }: { region: Region; initial: CaregiverValues }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleProvider region={region}>
        <CaregiverFields prefix="c1" value={value} onChange={setValue} errors={{}} />
      </LocaleProvider>
    </I18nextProvider>
  );
}

const education = () => screen.queryByRole('checkbox', { name: /Laag opgeleid/ });

describe('a caregiver’s education', () => {
  it('is asked in the Netherlands, where VoorZorg’s criteria use it', () => {
    render(<Form region="nl" initial={emptyCaregiver()} />);
    expect(education()).not.toBeNull();
  });

  it('is not asked in Flanders, where nothing uses it', () => {
    render(<Form region="be" initial={emptyCaregiver()} />);
    expect(screen.getByLabelText('Voornaam')).toBeTruthy();
    expect(education()).toBeNull();
  });

  it('stays visible in Flanders when a value was carried over, so it can be cleared', () => {
    render(<Form region="be" initial={{ ...emptyCaregiver(), lowEducation: true }} />);
    const box = education() as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect((education() as HTMLInputElement).checked).toBe(false);
  });
});
