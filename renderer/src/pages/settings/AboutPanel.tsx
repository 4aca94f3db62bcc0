import { AsyncContent } from '../../components/AsyncContent';
import { useChannel } from '../../data/queries';

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
            <dl className="facts">
              <dt>Version</dt>
              <dd data-testid="app-version">{data.version}</dd>
              <dt>Vault folder</dt>
              <dd data-testid="data-dir">{data.dataDir}</dd>
              <dt>Database</dt>
              <dd>{data.databasePath}</dd>
              <dt>Data version</dt>
              <dd>{data.schemaVersion}</dd>
              <dt>Platform</dt>
              <dd>{data.platform}</dd>
            </dl>
          </>
        )}
      </AsyncContent>
    </section>
  );
}
