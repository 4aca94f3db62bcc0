import { KeyholderError } from '../../shared/contract';
import { ukDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { deleteFigures, getFigures, listFigures, saveFigures } from './figures';
import { FiguresCsvService } from './figures-csv';

/** figures.*: engagement figures for the report, typed in or totalled from an analytics CSV. */
export function figuresHandlers(ctx: CoreContext): DomainHandlers<'figures'> {
  const csv = new FiguresCsvService(ctx);
  return {
    'figures.list': ({ accountId }) => listFigures(ctx.db, accountId),
    'figures.save': (input, call) => saveFigures(call, null, { ...input, source: 'manual' }),
    'figures.update': ({ id, figures }, call) =>
      saveFigures(call, id, { ...figures, source: getFigures(ctx.db, id).source }),
    'figures.delete': ({ id }, call) => {
      deleteFigures(call, id);
      return { deleted: true as const };
    },
    'figures.openCsv': () => csv.choose(),
    'figures.previewCsv': ({ importId, from, to, mapping }) => {
      // The posts themselves stay in the main process; the preview shows their counts.
      const { posts: _posts, ...preview } = csv.totals(importId, from, to, mapping);
      return preview;
    },
    'figures.importCsv': (
      { importId, accountId, from, to, mapping, followersStart, followersEnd, onOverlap },
      call,
    ) => {
      const totals = csv.totals(importId, from, to, mapping);
      if (totals.postsInPeriod === 0)
        throw new KeyholderError(
          'INVALID_INPUT',
          `No posts in the file are dated between ${ukDate(from)} and ${ukDate(to)}. Check the dates and the date column.`,
        );
      const saved = saveFigures(
        call,
        null,
        {
          accountId,
          from,
          to,
          followersStart,
          followersEnd,
          followerTypes: { schools: null, clubs: null, individuals: null, other: null },
          posts: totals.postsInPeriod,
          shares: totals.shares,
          mentions: totals.mentions,
          likes: totals.likes,
          notes: `Imported from the analytics export (${totals.postsInPeriod} posts).`,
          onOverlap,
          source: 'csv',
        },
        totals.posts,
      );
      csv.forget(importId);
      return saved;
    },
  };
}
