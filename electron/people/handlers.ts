import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { createPerson, getPersonDetail, listPeople, updatePerson } from './people';

/** people.*: the staff (and volunteers) who lead, run or know the password of an account. */
export function peopleHandlers(ctx: CoreContext): DomainHandlers<'people'> {
  return {
    'people.list': () => listPeople(ctx.db),
    'people.get': ({ id }) => getPersonDetail(ctx.db, id),
    'people.create': (input, call) => createPerson(call.db, call.now, call.actor, input),
    'people.update': ({ id, person }, call) => updatePerson(call.db, call.now, call.actor, id, person),
  };
}
