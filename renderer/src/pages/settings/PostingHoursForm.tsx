import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { defaultPostingHours, postingHoursSchema } from '../../../../shared/policy/posting-hours';
import type { Settings } from '../../../../shared/policy/settings';
import { weekdayNames } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { describedBy, FormField } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';

/** The days as a week is read at school: Monday first. */
const days = [1, 2, 3, 4, 5, 6, 0];

// Ticked boxes come back as their values (text), none ticked as false; the settings' own rule then applies.
const formSchema = z
  .object({
    start: z.string(),
    end: z.string(),
    weekdays: z.union([z.array(z.string()), z.literal(false)]).transform((v) => (v ? v.map(Number) : [])),
  })
  .pipe(postingHoursSchema);
type FormValues = z.input<typeof formSchema>;

const toForm = (hours: Settings['postingHours']): FormValues => ({ ...hours, weekdays: hours.weekdays.map(String) });

/**
 * When the school's accounts normally post (wentworth "Usage Policy": 8am to
 * 6pm, Monday to Friday, except school events and urgent news). Not
 * enforced: the report counts the posts outside these hours.
 */
export function PostingHoursForm({ unlocked }: { unlocked: boolean }) {
  const settings = useChannel('settings.get', {});
  return (
    <AsyncContent query={settings} loading="Reading the settings…">
      {(saved) => <HoursFields saved={saved} unlocked={unlocked} />}
    </AsyncContent>
  );
}

function HoursFields({ saved, unlocked }: { saved: Settings; unlocked: boolean }) {
  const update = useMutate('settings.update');
  const form = useForm<FormValues, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    values: toForm(saved.postingHours),
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((postingHours) => update.mutateAsync({ postingHours }));
  return (
    <form
      className="card settings-form"
      onSubmit={(event) => void onSubmit(event).catch(() => undefined)}
      noValidate
      aria-labelledby="posting-hours-title"
    >
      <h2 id="posting-hours-title">Posting hours</h2>
      <p className="hint">
        When posts normally go out. Policy default: 08:00 to 18:00, Monday to Friday, with school events and urgent news
        the exceptions. Reports count the posts outside these hours where the analytics give post times.
      </p>
      <div className="field-grid">
        <FormField id="posting-start" label="From" error={errors.start?.message}>
          <input
            type="time"
            {...form.register('start')}
            {...describedBy('posting-start', undefined, errors.start?.message)}
          />
        </FormField>
        <FormField id="posting-end" label="Until" error={errors.end?.message}>
          <input
            type="time"
            {...form.register('end')}
            {...describedBy('posting-end', undefined, errors.end?.message)}
          />
        </FormField>
      </div>
      <fieldset aria-describedby={errors.weekdays ? 'posting-days-error' : undefined}>
        <legend>On these days</legend>
        <div className="weekday-choices">
          {days.map((d) => (
            <div className="field checkbox" key={d}>
              <input type="checkbox" id={`posting-day-${d}`} value={String(d)} {...form.register('weekdays')} />
              <label htmlFor={`posting-day-${d}`}>{weekdayNames[d]}</label>
            </div>
          ))}
        </div>
        {errors.weekdays?.message ? (
          <p className="field-error" id="posting-days-error" role="alert">
            {errors.weekdays.message}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={!unlocked || form.formState.isSubmitting}>
          Save posting hours
        </button>
        <button type="button" onClick={() => form.reset(toForm(defaultPostingHours))}>
          Use the policy&apos;s hours
        </button>
        <SavedNotice message="Posting hours saved." token={update.isSuccess ? update.data : null} />
      </div>
    </form>
  );
}
