import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateInput } from './DateInput';

/**
 * A date in a react-hook-form form: the date input, its value as yyyy-mm-dd,
 * and its error beside it. `nullable`: an empty field is null, not ''.
 */
export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  optional = false,
  labelHidden = false,
  error,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  /** A date that may be left out: cleared, its value is null (the contract's "not recorded"), not ''. */
  optional?: boolean;
  /** The label is read out but not shown (a table's headers show it). */
  labelHidden?: boolean;
  /** A problem found by a rule over the whole form, shown beside this date. */
  error?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div className="field date-field">
          <DateInput
            label={label}
            labelHidden={labelHidden}
            error={error}
            value={(field.value as string | null | undefined) ?? ''}
            onChange={(value) => field.onChange(optional && value === '' ? null : value)}
          />
          {fieldState.error?.message && !error ? (
            <p className="field-error" role="alert">
              {fieldState.error.message}
            </p>
          ) : null}
        </div>
      )}
    />
  );
}
