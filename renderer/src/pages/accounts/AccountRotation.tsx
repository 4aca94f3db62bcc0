import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../../shared/contract';
import { invalidateAfter, useChannel } from '../../data/queries';
import { RotationCard } from '../rotations/RotationCard';

/**
 * The account's rotation card, from the Rotations section, which still
 * loads and changes things by itself rather than through the query cache.
 * Until it reads the cache, this bridges the two: it hands the card the
 * time the cached rotation schedule last changed (so the card re-reads
 * after a holder is removed or a password saved here), and marks stale
 * what a rotation changes after the card changes something. When
 * RotationCard uses useChannel and useMutate, render it directly and
 * delete this file.
 */
export function AccountRotation({ account, unlocked }: { account: Account; unlocked: boolean }) {
  const queryClient = useQueryClient();
  const schedule = useChannel('rotations.list', {});
  return (
    <RotationCard
      account={account}
      unlocked={unlocked}
      version={schedule.dataUpdatedAt}
      onChanged={() => void invalidateAfter(queryClient, 'rotations.start')}
    />
  );
}
