import { statfsSync } from 'node:fs';

/**
 * SQLite's locking (and so Keyholder's one-writer rule) is unreliable on
 * network file systems, and a vault there is shared with everyone who can
 * reach the share. Keyholder still opens such a vault, but says so.
 * Detected: Windows UNC paths (\\server\share, including a redirected
 * AppData) and, on Linux, NFS, SMB/CIFS and other network file systems.
 * A mapped drive letter on Windows cannot be told from a local disk here.
 */
const networkFileSystems = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x5346414f, // AFS
  0x73757245, // Coda
  0x564c, // NCP
  0x01021997, // 9P
  0x00c36400, // Ceph
]);

export function networkFolderWarning(path: string, platform: string = process.platform): string | null {
  const warning =
    "Keyholder's data folder is on a network drive. Keep the vault on this computer's own disk: on a share, two people could open it at once and damage it. Use automatic backups to put copies on the network instead.";
  if (platform === 'win32') return /^(\\\\|\/\/)/.test(path) ? warning : null;
  if (platform !== 'linux') return null;
  try {
    return networkFileSystems.has(Number(statfsSync(path).type)) ? warning : null;
  } catch {
    return null;
  }
}
