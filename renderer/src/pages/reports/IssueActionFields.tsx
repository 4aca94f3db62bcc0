import type { FieldPath } from 'react-hook-form';
import type { IssueInput, Person } from '../../../../shared/contract';
import {
  issueActionLabels,
  stillToDo,
  type IssueActionKey,
  type IssueKind,
} from '../../../../shared/policy/issue-rules';
import { DateField } from '../../components/DateField';
import { describedBy, FormField } from '../../components/FormField';
import { isApprover } from '../../hooks/use-people';
import type { IssueFormApi } from './IssueForm';
import { appToday } from '../../clock';

type Values = IssueInput;
type ActionName = IssueActionKey | 'reportedToAuthority' | 'reportedToSlt';

/** Which actions a kind of entry offers; one already recorded is always shown. */
const offered: Record<ActionName, readonly IssueKind[]> = {
  acknowledgedPublicly: ['complaint', 'query', 'other'],
  removed: ['complaint', 'query', 'abuse', 'other'],
  reportedToSlt: ['complaint', 'query', 'abuse', 'press', 'other'],
  userBlocked: ['complaint', 'query', 'abuse', 'other'],
  reportedToPlatform: ['complaint', 'query', 'abuse', 'other'],
  reportedToAuthority: ['abuse', 'other'],
  audienceTold: ['abuse', 'other'],
};

/** The short name in each action's date and person labels ("Removed on", "Removed by"). */
const short: Record<IssueActionKey, string> = {
  acknowledgedPublicly: 'Acknowledged',
  removed: 'Removed',
  userBlocked: 'User blocked',
  reportedToPlatform: 'Reported to the platform',
  audienceTold: 'Audience told',
};

/**
 * The actions taken, each with the day it was done and who did it. Abuse
 * (north-herts 6.4; sutton-manor, wentworth, bebington) and press enquiries
 * (bebington) say first what the policy still asks before the entry can be
 * resolved, so nobody finds out only when Resolve is refused.
 */
export function IssueActionFields({ form, people }: { form: IssueFormApi; people: Person[] }) {
  const kind = form.watch('kind');
  const actions = form.watch('actions');
  const shown = (name: ActionName) => offered[name].includes(kind) || (actions?.[name] ?? null) !== null;
  return (
    <fieldset>
      <legend>Actions taken</legend>
      {/* Who did each action is typed (it may be someone outside People); People's names are offered. */}
      <datalist id="issue-action-people">
        {people.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <Procedure kind={kind} actions={actions} />
      {(['acknowledgedPublicly', 'removed'] as const).filter(shown).map((key) => (
        <DoneAction key={key} form={form} name={key} label={issueActionLabels[key]} short={short[key]} />
      ))}
      {shown('reportedToSlt') ? (
        <SltReport form={form} slt={people.filter(isApprover)} press={kind === 'press'} />
      ) : null}
      {(['userBlocked', 'reportedToPlatform'] as const).filter(shown).map((key) => (
        <DoneAction key={key} form={form} name={key} label={issueActionLabels[key]} short={short[key]} />
      ))}
      {shown('reportedToAuthority') ? <AuthorityReport form={form} /> : null}
      {shown('audienceTold') ? (
        <DoneAction form={form} name="audienceTold" label={issueActionLabels.audienceTold} short={short.audienceTold} />
      ) : null}
    </fieldset>
  );
}

/** What the policy asks of abuse and press enquiries, and what is still missing. */
function Procedure({ kind, actions }: { kind: IssueKind; actions: Values['actions'] }) {
  if (kind !== 'abuse' && kind !== 'press') return null;
  const missing = stillToDo({ kind, actions: { removed: actions?.removed, reportedToSlt: actions?.reportedToSlt } });
  return (
    <div className="notice" role="note">
      <p>
        {kind === 'abuse'
          ? 'Offensive comments and abuse are recorded, removed and reported to a named member of SLT before the entry is resolved. Block the user and report them to the platform; report anything more serious to the police or another authority; tell the audience why action was taken.'
          : 'Press and media enquiries are referred to a named member of SLT for consideration before anyone responds.'}
      </p>
      <p data-testid="still-to-do">
        {missing.length > 0
          ? `Still to do before it can be resolved: ${missing.join('; ')}.`
          : 'Everything needed to resolve it is recorded.'}
      </p>
    </div>
  );
}

/** Ticking an action records it today, by the person recording the entry; both can be changed. */
function Tick({
  form,
  name,
  label,
  make,
}: {
  form: IssueFormApi;
  name: ActionName;
  label: string;
  make: () => object;
}) {
  const value = form.watch(`actions.${name}`) ?? null;
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={value !== null}
        onChange={(e) =>
          form.setValue(`actions.${name}`, (e.target.checked ? make() : null) as never, { shouldDirty: true })
        }
      />{' '}
      {label}
    </label>
  );
}

const doneNow = (form: IssueFormApi) => ({ on: appToday(), by: form.getValues('recordedBy') });

function ByField({ form, name, label }: { form: IssueFormApi; name: ActionName; label: string }) {
  const id = `issue-${name}-by`;
  const field = `actions.${name}.by` as FieldPath<Values>;
  const error = (form.formState.errors.actions?.[name] as { by?: { message?: string } } | undefined)?.by?.message;
  return (
    <FormField id={id} label={label} error={error}>
      <input list="issue-action-people" {...form.register(field)} {...describedBy(id, undefined, error)} />
    </FormField>
  );
}

function DoneAction({
  form,
  name,
  label,
  short,
}: {
  form: IssueFormApi;
  name: IssueActionKey;
  label: string;
  short: string;
}) {
  const done = form.watch(`actions.${name}`) ?? null;
  return (
    <div className="issue-action">
      <Tick form={form} name={name} label={label} make={() => doneNow(form)} />
      {done ? (
        <div className="field-grid">
          <DateField control={form.control} name={`actions.${name}.on`} label={`${short} on`} />
          <ByField form={form} name={name} label={`${short} by`} />
        </div>
      ) : null}
    </div>
  );
}

/** sutton-manor, wentworth: "reported to the appropriate authority", with the reference it gave. */
function AuthorityReport({ form }: { form: IssueFormApi }) {
  const done = form.watch('actions.reportedToAuthority') ?? null;
  const errors = form.formState.errors.actions?.reportedToAuthority;
  return (
    <div className="issue-action">
      <Tick
        form={form}
        name="reportedToAuthority"
        label="Reported to the police or another authority"
        make={() => ({ ...doneNow(form), authority: 'the police', reference: '' })}
      />
      {done ? (
        <div className="field-grid">
          <FormField id="issue-authority" label="Which authority" error={errors?.authority?.message}>
            <input
              {...form.register('actions.reportedToAuthority.authority')}
              {...describedBy('issue-authority', undefined, errors?.authority?.message)}
            />
          </FormField>
          <FormField id="issue-authority-reference" label="Their reference" error={errors?.reference?.message}>
            <input
              {...form.register('actions.reportedToAuthority.reference')}
              {...describedBy('issue-authority-reference', undefined, errors?.reference?.message)}
            />
          </FormField>
          <DateField control={form.control} name="actions.reportedToAuthority.on" label="Reported to them on" />
          <ByField form={form} name="reportedToAuthority" label="Reported to them by" />
        </div>
      ) : null}
    </div>
  );
}

/** Reported (abuse) or referred (press) to a named member of SLT: who, when, and by whom. */
function SltReport({ form, slt, press }: { form: IssueFormApi; slt: Person[]; press: boolean }) {
  const reported = form.watch('actions.reportedToSlt') ?? null;
  const verb = press ? 'Referred' : 'Reported';
  return (
    <div className="issue-action">
      {slt.length === 0 ? (
        <p className="hint">
          No member of SLT is recorded. Add them under <a href="#/people">People</a> with the SLT role.
        </p>
      ) : (
        <Tick
          form={form}
          name="reportedToSlt"
          label={`${verb} to a member of SLT`}
          make={() => ({ ...doneNow(form), personId: slt[0]!.id })}
        />
      )}
      {reported ? (
        <div className="field-grid">
          <FormField id="issue-slt-person" label={press ? 'Member of SLT referred to' : 'Member of SLT told'}>
            <select id="issue-slt-person" {...form.register('actions.reportedToSlt.personId', { valueAsNumber: true })}>
              {slt.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <DateField control={form.control} name="actions.reportedToSlt.on" label={`${verb} to SLT on`} />
          <ByField form={form} name="reportedToSlt" label={`${verb} to SLT by`} />
        </div>
      ) : null}
    </div>
  );
}
