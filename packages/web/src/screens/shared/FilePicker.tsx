import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  id: string;
  accept: string;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  onChange(file: File | null): void;
}

/**
 * A file field that speaks the app's language. The browser draws a native file input's button and its "no file
 * chosen" in the browser's language, which beside a Dutch label read as another program. The native input stays
 * the focusable control its field label names (keyboard, screen readers and tests reach it as before); it is only
 * drawn as the button and the file name beside it.
 */
export function FilePicker({ id, accept, describedBy, invalid, onChange }: FilePickerProps) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="file-picker">
      <input
        id={id}
        type="file"
        className="file-picker__input"
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          setName(file?.name ?? null);
          onChange(file);
        }}
      />
      {/* A second label of the same input, its visible face: the accessible name becomes "<field>, Bestand kiezen". */}
      <label htmlFor={id} className="button file-picker__button">
        {t('common.chooseFile')}
      </label>
      <span className={name ? 'file-picker__name' : 'file-picker__name file-picker__name--none'}>
        {name ?? t('common.noFileChosen')}
      </span>
    </div>
  );
}
