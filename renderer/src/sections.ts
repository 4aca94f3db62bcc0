/** The sidebar, in the order an administrator's week runs through it. */
export const sections = [
  { id: 'dashboard', label: 'Dashboard', path: '/' },
  { id: 'accounts', label: 'Accounts', path: '/accounts' },
  { id: 'people', label: 'People', path: '/people' },
  { id: 'checks', label: 'Weekly checks', path: '/checks' },
  { id: 'rotations', label: 'Rotations', path: '/rotations' },
  { id: 'handover', label: 'Handover', path: '/handover' },
  { id: 'reports', label: 'Reports', path: '/reports' },
  { id: 'audit', label: 'Audit', path: '/audit' },
  { id: 'settings', label: 'Settings', path: '/settings' },
] as const;

export type SectionId = (typeof sections)[number]['id'];

export function sectionForPath(path: string): SectionId {
  const first = path.split('/').filter(Boolean)[0];
  return sections.find((section) => section.id === first)?.id ?? 'dashboard';
}
