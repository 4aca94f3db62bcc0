import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { approvalRuleLabels, approvalRules } from '../../../../shared/policy/approval-rules';
import { settingsSchema, type Settings } from '../../../../shared/policy/settings';
import { AsyncContent } from '../../components/AsyncContent';
import { FormField } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';

const formSchema = settingsSchema.pick({ approvalRule: true, holdersMustBeSlt: true });

/**
 * The school's own approval rules: who approves a new account (tpat 5 and
 * sutton-manor: the Headteacher; bebington: or the SLT; wentworth: the
 * Headteacher and a governor) and whether only the SLT may know passwords.
 */
export function ApprovalRulesForm({ unlocked }: { unlocked: boolean }) {
  const settings = useChannel('settings.get', {});
  return (
    <AsyncContent query={settings} loading="Reading the settings…">
      {(saved) => <RulesFields saved={saved} unlocked={unlocked} />}
    </AsyncContent>
  );
}

function RulesFields({ saved, unlocked }: { saved: Settings; unlocked: boolean }) {
  const update = useMutate('settings.update');
  const form = useForm({ resolver: zodResolver(formSchema), values: formSchema.parse(saved) });
  const onSubmit = form.handleSubmit((values) => update.mutateAsync(values));
  return (
    <form
      className="card settings-form"
      onSubmit={(event) => void onSubmit(event).catch(() => undefined)}
      noValidate
      aria-labelledby="approval-rules-title"
    >
      <h2 id="approval-rules-title">Approval rules</h2>
      <FormField
        id="approvalRule"
        label="Who approves a new account"
        hint="Policy default: the Headteacher. A rejected application can be recorded the same way."
      >
        <select id="approvalRule" aria-describedby="approvalRule-hint" {...form.register('approvalRule')}>
          {approvalRules.map((rule) => (
            <option key={rule} value={rule}>
              {approvalRuleLabels[rule]}
            </option>
          ))}
        </select>
      </FormField>
      <div className="field checkbox">
        <input type="checkbox" id="holdersMustBeSlt" {...form.register('holdersMustBeSlt')} />
        <label htmlFor="holdersMustBeSlt">Only the Headteacher and SLT may know account passwords</label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={!unlocked || form.formState.isSubmitting}>
          Save approval rules
        </button>
        <SavedNotice message="Approval rules saved." token={update.isSuccess ? update.data : null} />
      </div>
    </form>
  );
}
