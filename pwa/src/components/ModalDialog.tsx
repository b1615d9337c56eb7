import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { fr } from '../i18n/fr.ts';

/**
 * A modal dialog (native <dialog>: focus kept inside, Échap closes) holding a form with a
 * submit button and « Annuler ».
 */
export function ModalDialog({
  title,
  submitLabel,
  submitClass = 'primary',
  submitDisabled = false,
  onSubmit,
  onClose,
  className = '',
  children,
}: {
  title: string;
  submitLabel: string;
  submitClass?: string;
  submitDisabled?: boolean;
  /** Return false to keep the dialog open (e.g. a field to correct). */
  onSubmit: () => Promise<boolean | void> | boolean | void;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await onSubmit()) !== false) ref.current?.close();
  };
  return (
    <dialog ref={ref} className={`dialog ${className}`} aria-labelledby={`${id}-t`} onClose={onClose}>
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-t`}>{title}</h2>
        {children}
        <div className="actions">
          <button type="submit" className={submitClass} disabled={submitDisabled}>
            {submitLabel}
          </button>
          <button type="button" className="button-secondary" onClick={() => ref.current?.close()}>
            {fr.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
