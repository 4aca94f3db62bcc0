import { sections, type SectionId } from '../sections';

export function Sidebar({ current }: { current: SectionId }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <img src="./keyholder-mark.svg" alt="" width={28} height={28} />
        <span>Keyholder</span>
      </div>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.path}`} aria-current={section.id === current ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
