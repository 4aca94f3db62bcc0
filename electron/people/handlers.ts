import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { createPerson, getPersonDetail, listPeople, updatePerson } from './people';

export function peopleHandlers(
  ctx: CoreContext,
  vault: VaultService,
): Pick<Handlers, 'people.list' | 'people.get' | 'people.create' | 'people.update'> {
  return {
    'people.list': () => listPeople(ctx.db),
    'people.get': ({ id }) => getPersonDetail(ctx.db, id),
    'people.create': (input) => {
      vault.key();
      return createPerson(ctx.db, ctx.clock.now(), vault.actor(), input);
    },
    'people.update': ({ id, person }) => {
      vault.key();
      return updatePerson(ctx.db, ctx.clock.now(), vault.actor(), id, person);
    },
  };
}
