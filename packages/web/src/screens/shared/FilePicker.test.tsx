// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { FilePicker } from './FilePicker.tsx';

afterEach(cleanup);

function show(onChange = vi.fn()) {
  render(
    <I18nextProvider i18n={i18n}>
      <label htmlFor="f">Bestand met het dossier</label>
      <FilePicker id="f" accept=".json" describedBy="f-hint" onChange={onChange} />
      <p id="f-hint">Een .json-bestand</p>
    </I18nextProvider>,
  );
  return onChange;
}

describe('a file field in the app’s language', () => {
  it('is the native input its field label names', () => {
    show();
    const input = screen.getByLabelText('Bestand met het dossier');
    expect(input).toBeInstanceOf(HTMLInputElement);
    expect((input as HTMLInputElement).type).toBe('file');
    expect(input.getAttribute('aria-describedby')).toBe('f-hint');
    // The visible button is a label of the same input, so a click on it opens the browser's file dialog.
    expect(screen.getByText('Bestand kiezen').getAttribute('for')).toBe('f');
  });

  it('says no file is chosen, then names the chosen one and hands it over', () => {
    const onChange = show();
    expect(screen.getByText('Nog geen bestand gekozen')).toBeTruthy();
    const input = screen.getByLabelText('Bestand met het dossier') as HTMLInputElement;
    const file = new File(['{}'], 'gezin-peeters.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onChange).toHaveBeenCalledWith(file);
    expect(screen.getByText('gezin-peeters.json')).toBeTruthy();
    expect(screen.queryByText('Nog geen bestand gekozen')).toBeNull();
  });

  it('goes back to none when the choice is cleared', () => {
    const onChange = show();
    const input = screen.getByLabelText('Bestand met het dossier') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['a'], 'a.json')] } });
    fireEvent.change(input, { target: { files: [] } });
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Nog geen bestand gekozen')).toBeTruthy();
  });
});
