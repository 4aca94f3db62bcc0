import type { UseQueryResult } from '@tanstack/react-query';
import type { Person } from '../../../shared/contract';
import type { ApiError } from '../api/client';
import { useChannel } from '../data/queries';

const nobody: Person[] = [];

/**
 * The staff directory, for pickers (lead, runners, holders, approvers), read
 * through the query cache: any change to people (a person added, a departure
 * recorded) refreshes every picker. `query` is there for loading and failure.
 */
export function usePeople(): { people: Person[]; query: UseQueryResult<Person[], ApiError> } {
  const query = useChannel('people.list', {});
  return { people: query.data ?? nobody, query };
}

export function isApprover(person: Person): boolean {
  return person.status !== 'left' && (person.roles.includes('headteacher') || person.roles.includes('slt'));
}
