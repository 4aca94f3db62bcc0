import { GuidedRotation } from './GuidedRotation';
import { RotationsPage } from './RotationsPage';

export function RotationsSection({ segments }: { segments: string[] }) {
  return segments[0] === 'guided' ? <GuidedRotation /> : <RotationsPage />;
}
