import { useState } from 'react';
import {
  addAppSchema,
  appPurposeLabels,
  appPurposeSchema,
  integrationsChannels,
  type Account,
  type AccountApp,
} from '../../../../shared/contract';
import { approvalRuleLabels } from '../../../../shared/policy/approval-rules';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useChannel, useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { schoolApprovers } from './ApprovalDialog';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

/**
 * Third-party apps connected to the account (scheduling tools, analytics):
 * tpat 6, no new app or service without the Headteacher's approval, so each
 * is listed with who approved it and when. Removed ones stay as the record.
 */
export function AppsCard({ account, unlocked }: { account: Account; unlocked: boolean }) {
  const apps = useChannel('integrations.list', { accountId: account.id });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AccountApp | null>(null);
  const closed = account.status === 'closed' || account.status === 'transferred';
  return (
    <section className="card" aria-labelledby="apps-title">
      <div className="card-header">
        <h2 id="apps-title">Connected apps</h2>
        <button type="button" onClick={() => setAdding(true)} disabled={!unlocked || closed}>
          Record a connected app
        </button>
      </div>
      <AsyncContent query={apps} loading="Loading the connected apps…">
        {(list) => <AppList apps={list} unlocked={unlocked} onRemove={setRemoving} />}
      </AsyncContent>
      {adding ? <AddAppDialog account={account} onClose={() => setAdding(false)} /> : null}
      {removing ? <RemoveAppDialog app={removing} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
}

function AppList({
  apps,
  unlocked,
  onRemove,
}: {
  apps: AccountApp[];
  unlocked: boolean;
  onRemove: (app: AccountApp) => void;
}) {
  const current = apps.filter((a) => a.removedOn === null);
  const past = apps.filter((a) => a.removedOn !== null);
  return (
    <>
      {current.length === 0 ? (
        <p className="hint">
          No apps are recorded. Scheduling tools and analytics need the Headteacher&apos;s approval before they are
          connected.
        </p>
      ) : (
        <ul>
          {current.map((app) => (
            <li key={app.id}>
              <strong>{app.name}</strong> ({appPurposeLabels[app.purpose]}): approved by {app.approvedBy.name},{' '}
              {ukDate(app.approvedOn)}{' '}
              <button
                type="button"
                onClick={() => onRemove(app)}
                disabled={!unlocked}
                aria-label={`Remove ${app.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <details>
          <summary>Removed apps ({past.length})</summary>
          <ul>
            {past.map((app) => (
              <li key={app.id}>
                {app.name}: approved {ukDate(app.approvedOn)}, removed {ukDate(app.removedOn)} ({app.removedReason})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

const addSchema = addAppSchema.extend({
  approvedById: chosenId('Choose who approved it.'),
  approvedOn: givenDate('Give the date it was approved.'),
});

function AddAppDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { people } = usePeople();
  const rule = useChannel('settings.get', {}).data?.approvalRule ?? 'headteacher';
  const add = useMutate('integrations.add', { handled: true });
  return (
    <FormDialog
      title={`Record an app connected to ${account.handle}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={addSchema}
      defaultValues={{ accountId: account.id, name: '', purpose: 'scheduling', approvedOn: appToday() }}
      submitLabel="Record app"
      onSubmit={(values) => add.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <FormField
            id="app-name"
            label="App or service"
            hint="For example Buffer or Hootsuite."
            error={errors.name?.message}
          >
            <input id="app-name" aria-describedby="app-name-hint" {...register('name')} />
          </FormField>
          <FormField id="app-purpose" label="What it does">
            <select id="app-purpose" {...register('purpose')}>
              {appPurposeSchema.options.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {appPurposeLabels[purpose]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="app-approver"
            label="Approved by"
            hint={`School rule: ${approvalRuleLabels[rule]}.`}
            error={errors.approvedById?.message}
          >
            <select
              id="app-approver"
              aria-describedby="app-approver-hint"
              {...register('approvedById', { setValueAs: asId })}
            >
              <option value="">Choose a person</option>
              {schoolApprovers(people, rule).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <DateField control={control} name="approvedOn" label="Approved on" />
        </>
      )}
    </FormDialog>
  );
}

const removeSchema = integrationsChannels['integrations.remove'].input.extend({
  on: givenDate('Give the date it was removed.'),
});

function RemoveAppDialog({ app, onClose }: { app: AccountApp; onClose: () => void }) {
  const remove = useMutate('integrations.remove', { handled: true });
  return (
    <FormDialog
      title={`Remove ${app.name}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={removeSchema}
      defaultValues={{ appId: app.id, reason: '', on: appToday() }}
      submitLabel="Remove app"
      canSubmit={(values) => (values.reason ?? '').trim() !== ''}
      onSubmit={(values) => remove.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p>Disconnect it on the platform first (its settings list connected apps), then record it here.</p>
          <FormField id="app-remove-reason" label="Reason" error={errors.reason?.message}>
            <input id="app-remove-reason" {...register('reason')} />
          </FormField>
          <DateField control={control} name="on" label="Removed on" />
        </>
      )}
    </FormDialog>
  );
}
