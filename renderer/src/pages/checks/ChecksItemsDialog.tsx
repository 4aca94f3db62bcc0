import { z } from 'zod';
import { settingsSchema } from '../../../../shared/policy/settings';
import { defaultWeeklyCheckItems } from '../../../../shared/policy/weekly-checks';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';

/** One check a line, read into the settings' own rule for the list (names, length, no repeats). */
const itemsSchema = z.object({
  items: z
    .string()
    .transform((text) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(settingsSchema.shape.weeklyCheckItems.removeDefault()),
});

/** The school's own list of weekly checks: the policy's four by default. */
export function ChecksItemsDialog({
  isOpen,
  onOpenChange,
  items,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  items: string[];
}) {
  const update = useMutate('settings.update', { handled: true });
  return (
    <FormDialog
      title="Change what is checked each week"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={itemsSchema}
      defaultValues={{ items: items.join('\n') }}
      submitLabel="Save the checks"
      onSubmit={({ items: list }) => update.mutateAsync({ weeklyCheckItems: list })}
    >
      {({ register, setValue, formState: { errors } }) => (
        <>
          <FormField
            id="check-items"
            label="Checks, one a line"
            hint="Ticks already made keep the wording they were made with. Leave empty if the school does no weekly checks."
            error={errors.items?.message}
          >
            <textarea rows={6} {...register('items')} {...describedBy('check-items', 'hint', errors.items?.message)} />
          </FormField>
          <button type="button" onClick={() => setValue('items', defaultWeeklyCheckItems.join('\n'))}>
            Use the policy&apos;s checks
          </button>
        </>
      )}
    </FormDialog>
  );
}
