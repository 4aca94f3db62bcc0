import { useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import type { HandoverPlan, PersonDetail } from '../../../../shared/contract';
import { AsyncContent } from '../../components/AsyncContent';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/error-message';
import { useChannel, useMutate } from '../../data/queries';
import { useRoute } from '../../hooks/use-route';
import { DepartureReview } from './DepartureReview';
import { NotOffered } from './NotOffered';
import './handover.css';
import { gapsLeft, PlanAccountCard, type Decision } from './PlanAccountCard';
import { appToday } from '../../clock';

export interface DepartureValues {
  leavingOn: string;
  /** One per account in the plan, in its order; undefined until the administrator chooses. */
  decisions: (Decision | undefined)[];
  successorId: string;
}

type DepartureFormApi = UseFormReturn<DepartureValues>;

/** Accounts that still need a decision: a new lead or closing, and a replacement or a reason when left short. */
function stillToDecide(plan: HandoverPlan, decisions: DepartureValues['decisions'], minRunners: number) {
  return plan.accounts.filter((a, index) => {
    const d = decisions[index];
    if (a.leads && (!d || (d.action === 'transfer' && !d.newLeadId))) return true;
    return gapsLeft(a, d, minRunners).length > 0 && !(d?.reason ?? '').trim();
  });
}

/**
 * Record a departure: choose the date, decide for each account (new lead or
 * close; acknowledge anything that leaves it short), review, then apply
 * everything in one go.
 */
export function DepartureWizard({ personId }: { personId: number }) {
  const person = useChannel('people.get', { id: personId });
  return <AsyncContent query={person}>{(p) => <DepartureForm person={p} />}</AsyncContent>;
}

function DepartureForm({ person }: { person: PersonDetail }) {
  const { navigate } = useRoute();
  const form = useForm<DepartureValues>({
    defaultValues: { leavingOn: appToday(), decisions: [], successorId: '' },
  });
  const leavingOn = form.watch('leavingOn');
  // The plan is for the date it was asked for; a different date needs planning again.
  const [plannedFor, setPlannedFor] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const query = useChannel(
    'handover.plan',
    { personId: person.id, leavingOn: plannedFor ?? '' },
    { enabled: plannedFor !== null, handled: true },
  );
  const execute = useMutate('handover.execute', { handled: true });
  // The policy's minimum (a setting, 2 by default): what counts as left short.
  const minRunners = useChannel('settings.get', {}).data?.minRunners ?? 2;
  const plan = plannedFor === leavingOn ? (query.data ?? null) : null;
  const failure = query.isError ? query.error : execute.isError ? execute.error : null;

  const planIt = () => {
    form.setValue('decisions', []);
    setReviewing(false);
    if (plannedFor === leavingOn) void query.refetch();
    else setPlannedFor(leavingOn);
  };
  const record = form.handleSubmit(async (values) => {
    // Only the review's own button records; Enter in a field before then does nothing.
    if (!plan || !reviewing) return;
    const handover = await execute.mutateAsync(executeInput(person.id, plan, values, minRunners)).catch(() => null);
    if (handover) navigate(`/handover/${handover.id}`);
  });

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href={`#/people/${person.id}`}>{person.name}</a> / Record departure
      </p>
      <h1 id="page-title">Record the departure of {person.name}</h1>
      <form noValidate onSubmit={(event) => void record(event)}>
        <div className="filters">
          <DateField control={form.control} name="leavingOn" label="Leaving on" />
          <button type="button" className="primary" onClick={planIt} disabled={!leavingOn}>
            Plan the handover
          </button>
          {/* Nothing is recorded until the review's own button: cancelling at any step leaves the person as they were. */}
          <a className="button" href={`#/people/${person.id}`}>
            Cancel
          </a>
        </div>
        {plan ? (
          <PlanDecisions
            person={person}
            plan={plan}
            form={form}
            reviewing={reviewing}
            onReview={setReviewing}
            busy={execute.isPending}
            minRunners={minRunners}
          />
        ) : null}
      </form>
      {failure ? (
        <p className="field-error" role="alert">
          {errorMessage(failure)}
        </p>
      ) : null}
    </section>
  );
}

/** One card per account with its decision, the successor when they were the administrator, then Review. */
function PlanDecisions({
  person,
  plan,
  form,
  reviewing,
  onReview,
  busy,
  minRunners,
}: {
  person: PersonDetail;
  plan: HandoverPlan;
  form: DepartureFormApi;
  reviewing: boolean;
  onReview: (reviewing: boolean) => void;
  busy: boolean;
  minRunners: number;
}) {
  const missing = stillToDecide(plan, form.watch('decisions'), minRunners);
  return (
    <>
      {plan.accounts.length === 0 ? (
        <p>{person.name} leads, holds and runs no accounts. Recording the departure only updates their record.</p>
      ) : null}
      {plan.accounts.map((a, index) => (
        <Controller
          key={a.accountId}
          control={form.control}
          name={`decisions.${index}`}
          render={({ field }) => (
            <PlanAccountCard
              account={a}
              plan={plan}
              minRunners={minRunners}
              decision={field.value}
              onChange={field.onChange}
            />
          )}
        />
      ))}
      {plan.person.isAdministrator ? <SuccessorCard plan={plan} form={form} /> : null}
      {reviewing ? (
        <DepartureReview
          person={person}
          plan={plan}
          minRunners={minRunners}
          values={form.getValues()}
          onBack={() => onReview(false)}
          busy={busy}
        />
      ) : (
        <div className="actions">
          {missing.length > 0 ? (
            <p className="hint">Still to decide: {missing.map((a) => a.label).join(', ')}.</p>
          ) : null}
          <button type="button" className="primary" disabled={missing.length > 0} onClick={() => onReview(true)}>
            Review
          </button>
          <a className="button" href={`#/people/${person.id}`}>
            Cancel
          </a>
        </div>
      )}
    </>
  );
}

function SuccessorCard({ plan, form }: { plan: HandoverPlan; form: DepartureFormApi }) {
  return (
    <section className="card" aria-labelledby="admin-title">
      <h2 id="admin-title">The account administrator role</h2>
      <div className="field">
        <label htmlFor="successor">Successor</label>
        <select id="successor" {...form.register('successorId')}>
          <option value="">Choose later</option>
          {plan.successorCandidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <NotOffered people={plan.notEligible} />
      <p className="hint">
        Then give them an encrypted backup from Settings, Backup and restore, so they can open the vault on their own
        computer.
      </p>
    </section>
  );
}

/** The plan and the decisions, as handover.execute takes them. */
function executeInput(personId: number, plan: HandoverPlan, values: DepartureValues, minRunners: number) {
  const decided = plan.accounts.map((a, index) => ({ account: a, d: values.decisions[index] }));
  return {
    personId,
    leavingOn: values.leavingOn,
    leads: decided
      .filter(({ account }) => account.leads)
      .map(({ account, d }) =>
        d?.action === 'close'
          ? { accountId: account.accountId, action: 'close' as const }
          : { accountId: account.accountId, action: 'transfer' as const, newLeadId: d!.newLeadId! },
      ),
    acknowledgements: decided
      .filter(({ account, d }) => gapsLeft(account, d, minRunners).length > 0 && (d?.reason ?? '').trim())
      .map(({ account, d }) => ({ accountId: account.accountId, reason: d!.reason!.trim() })),
    replacements: decided
      .filter(({ account, d }) => account.blocking.length > 0 && d?.action !== 'close' && d?.replacementId)
      .map(({ account, d }) => ({
        accountId: account.accountId,
        personId: d!.replacementId!,
        authorisedById: account.holds ? (d!.authorisedById ?? null) : null,
      })),
    successorId: values.successorId ? Number(values.successorId) : null,
  };
}
