import { sections, type SectionId } from '../sections';
import { useVault } from '../vault/VaultProvider';

export function Sidebar({ current }: { current: SectionId }) {
  const { status, lock } = useVault();
  // Shown only while the vault is unlocked: locked, the lock screen takes the whole window.
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <img src="./keyholder-mark.svg" alt="" width={28} height={28} />
        <span>Keyholder</span>
      </div>
      {status?.schoolName ? <p className="school">{status.schoolName}</p> : null}
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.path}`} aria-current={section.id === current ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <button type="button" className="lock-button" onClick={() => void lock()}>
          Lock the vault
        </button>
      </div>
    </nav>
  );
}
