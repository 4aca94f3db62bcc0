import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from './error-message';
import { FormFooter } from './FormFooter';
import { Modal } from './Modal';

/**
 * Every form in a dialog: react-hook-form validated by a zod schema (the
 * contract's own where the form sends it), the fields given the form, and
 * one footer with the error, Cancel and the submit button, disabled while
 * saving. `onSubmit` resolves when saved (the dialog then closes) or throws
 * (its message is shown and nothing closes).
 */
export function FormDialog<S extends z.ZodType<FieldValues, FieldValues>>({
  title,
  isOpen,
  onOpenChange,
  schema,
  defaultValues,
  submitLabel,
  onSubmit,
  canSubmit,
  wide,
  children,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  submitLabel: string;
  onSubmit: (values: z.output<S>) => Promise<unknown>;
  /**
   * Whether the values as they stand may be sent; the button is disabled
   * otherwise. For a rule the form already shows as it is typed (the
   * password policy), or an answer still missing.
   */
  canSubmit?: (values: z.input<S>) => boolean;
  wide?: boolean;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
}) {
  return (
    <Modal title={title} isOpen={isOpen} onOpenChange={onOpenChange} wide={wide}>
      {(close) => (
        <DialogForm
          schema={schema}
          defaultValues={defaultValues}
          submitLabel={submitLabel}
          onSubmit={onSubmit}
          canSubmit={canSubmit}
          close={close}
        >
          {children}
        </DialogForm>
      )}
    </Modal>
  );
}

function DialogForm<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaultValues,
  submitLabel,
  onSubmit,
  canSubmit,
  close,
  children,
}: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  submitLabel: string;
  onSubmit: (values: z.output<S>) => Promise<unknown>;
  canSubmit?: (values: z.input<S>) => boolean;
  close: () => void;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  // Watched only when there is a rule to check, so other forms do not redraw on every keystroke.
  const blocked = canSubmit ? !canSubmit(form.watch()) : false;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
      close();
    } catch (error) {
      form.setError('root', { message: errorMessage(error) });
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {children(form)}
      <FormFooter
        error={errors.root?.message ?? null}
        onCancel={close}
        submitLabel={isSubmitting ? 'Saving…' : submitLabel}
        disabled={isSubmitting || blocked}
      />
    </form>
  );
}
