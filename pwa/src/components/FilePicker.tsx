import { useEffect, useId, useRef } from 'react';

/** A button-looking label for a hidden file input (files, or a whole folder with `folder`). */
export function FilePicker({
  label,
  inputLabel,
  onFiles,
  disabled = false,
  folder = false,
  multiple = true,
  accept,
  secondary = false,
  testId,
}: {
  label: string;
  inputLabel: string;
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  folder?: boolean;
  multiple?: boolean;
  accept?: string;
  secondary?: boolean;
  testId?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  // The folder picker attribute is not in React's types.
  useEffect(() => {
    if (folder) ref.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  return (
    <>
      <label htmlFor={id} className={`button${secondary ? ' button-secondary' : ''}`}>
        {label}
      </label>
      <input
        id={id}
        ref={ref}
        className="visually-hidden-input"
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}
