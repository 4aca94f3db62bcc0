import { AsyncContent } from '../../components/AsyncContent';
import { useChannel } from '../../data/queries';

// The operating system by the name a school's IT support uses (the database's internal version is not theirs to read).
const systems: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/** "About this Keyholder": version and where the vault lives (for IT support and backups). */
export function AboutPanel() {
  const info = useChannel('app.info', {});
  return (
    <section aria-labelledby="about-title" className="card">
      <h2 id="about-title">About this Keyholder</h2>
      <AsyncContent
        query={info}
        loading="Reading details…"
        failed="Keyholder could not read its details. The message above says why."
      >
        {(data) => (
          <>
            {data.storageWarning ? (
              <p className="field-error" role="alert">
                {data.storageWarning}
              </p>
            ) : null}
            <p className="hint">
              For IT support: the vault folder holds the encrypted vault. Back it up with Keyholder&apos;s own backup,
              not by copying the folder while Keyholder is open.
            </p>
            <dl className="facts">
              <dt>Version</dt>
              <dd data-testid="app-version">{data.version}</dd>
              <dt>Vault folder</dt>
              <dd data-testid="data-dir">{data.dataDir}</dd>
              <dt>Computer</dt>
              <dd>{systems[data.platform] ?? data.platform}</dd>
            </dl>
          </>
        )}
      </AsyncContent>
    </section>
  );
}
