import { useVault } from '../vault/VaultProvider';

/**
 * Shown while the audit log failed its check at unlock (entries changed,
 * removed or forged outside Keyholder): the administrator sees it at once,
 * not only if they think to run the check.
 */
export function AuditProblemBanner() {
  const { status } = useVault();
  if (!status?.auditProblem) return null;
  return (
    <section className="error-banner" role="alert" aria-labelledby="audit-problem-title">
      <h2 id="audit-problem-title">The audit log has been tampered with</h2>
      <p>{status.auditProblem}</p>
      <p>
        <a href="#/audit">Open the audit log</a>
      </p>
    </section>
  );
}
