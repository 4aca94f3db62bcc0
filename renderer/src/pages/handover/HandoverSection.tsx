import { DepartureWizard } from './DepartureWizard';
import { HandoverList } from './HandoverList';
import { HandoverPage } from './HandoverPage';

/** #/handover, #/handover/new/<personId>, #/handover/<id>. */
export function HandoverSection({ segments }: { segments: string[] }) {
  if (segments[0] === 'new') return <DepartureWizard personId={Number(segments[1])} />;
  const id = Number(segments[0]);
  return Number.isInteger(id) && id > 0 ? <HandoverPage id={id} /> : <HandoverList />;
}
