import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { BusyStatus } from './BusyStatus';
import { errorMessage } from './error-message';
import { FormFooter } from './FormFooter';
import { Modal } from './Modal';

interface FormProps<S extends z.ZodType<FieldValues, FieldValues>, R> {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  submitLabel: string;
  onSubmit: (values: z.output<S>) => Promise<R>;
  /** While saving: what is happening, with a progress bar (long work such as encrypting a backup). */
  busyLabel?: string;
  /**
   * Whether the form may be sent as it stands; the button is disabled otherwise.
   * A boolean (a step of the dialog not done yet) or a rule on the values as
   * typed (the password policy, an answer still missing).
   */
  canSubmit?: boolean | ((values: z.input<S>) => boolean);
  /**
   * What to show once saved, instead of closing (what was saved and where).
   * A null or undefined result (a save dialog was cancelled) leaves the form as it was.
   */
  done?: (result: NonNullable<R>, close: () => void) => ReactNode;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
}

/**
 * Every form in a dialog: react-hook-form validated by a zod schema (the
 * contract's own where the form sends it), the fields given the form, and
 * one footer with the error, Cancel and the submit button, disabled while
 * saving. `onSubmit` resolves when saved (the dialog then closes, or shows
 * `done`) or throws (its message is shown and nothing closes).
 */
export function FormDialog<S extends z.ZodType<FieldValues, FieldValues>, R = unknown>({
  title,
  isOpen,
  onOpenChange,
  wide,
  ...form
}: FormProps<S, R> & {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  wide?: boolean;
}) {
  return (
    <Modal title={title} isOpen={isOpen} onOpenChange={onOpenChange} wide={wide}>
      {(close) => <DialogForm {...form} close={close} />}
    </Modal>
  );
}

function DialogForm<S extends z.ZodType<FieldValues, FieldValues>, R>({
  schema,
  defaultValues,
  submitLabel,
  onSubmit,
  busyLabel,
  canSubmit = true,
  done,
  close,
  children,
}: FormProps<S, R> & { close: () => void }) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  const [result, setResult] = useState<NonNullable<R> | null>(null);
  const { errors, isSubmitting } = form.formState;
  // Watched only when there is a rule to check, so other forms do not redraw on every keystroke.
  const blocked = typeof canSubmit === 'function' ? !canSubmit(form.watch()) : !canSubmit;
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await onSubmit(values);
      if (!done) close();
      else if (saved !== null && saved !== undefined) setResult(saved);
    } catch (error) {
      form.setError('root', { message: errorMessage(error) });
    }
  });
  if (done && result !== null) return <>{done(result, close)}</>;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {children(form)}
      {busyLabel ? <BusyStatus busy={isSubmitting ? busyLabel : null} error={null} /> : null}
      <FormFooter
        error={errors.root?.message ?? null}
        onCancel={close}
        submitLabel={isSubmitting && !busyLabel ? 'Saving…' : submitLabel}
        disabled={isSubmitting || blocked}
      />
    </form>
  );
}
