import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import { useApi } from '../../api/context';

/** "About this Keyholder": version and where the vault lives (for IT support and backups). */
export function AboutPanel() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.app
      .info()
      .then((value) => live && setInfo(value))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section aria-labelledby="about-title" className="card">
      <h2 id="about-title">About this Keyholder</h2>
      {info?.storageWarning ? (
        <p className="field-error" role="alert">
          {info.storageWarning}
        </p>
      ) : null}
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Vault folder</dt>
          <dd data-testid="data-dir">{info.dataDir}</dd>
          <dt>Database</dt>
          <dd>{info.databasePath}</dd>
          <dt>Data version</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
        </dl>
      ) : failed ? (
        <p>Keyholder could not read its details. The message above says why.</p>
      ) : (
        <p aria-busy="true">Reading details…</p>
      )}
    </section>
  );
}
