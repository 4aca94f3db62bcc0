import { useCallback } from 'react';
import type { Person } from '../../../shared/contract';
import { useApi } from '../api/context';
import { useLoad } from './use-load';

/** The staff directory, for pickers (lead, runners, holders, approvers). */
export function usePeople(): { people: Person[]; reload: () => void } {
  const api = useApi();
  const load = useCallback(() => api.people.list(), [api]);
  const { data, reload } = useLoad(load);
  return { people: data ?? [], reload };
}

export function isApprover(person: Person): boolean {
  return person.status !== 'left' && (person.roles.includes('headteacher') || person.roles.includes('slt'));
}

export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
