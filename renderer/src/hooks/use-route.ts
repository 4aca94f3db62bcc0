import { useCallback, useEffect, useState } from 'react';

/**
 * Hash routes (#/accounts/12) keep navigation inside the one document the
 * CSP allows; the main process denies every real navigation.
 */
function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function useRoute(): { path: string; segments: string[]; navigate: (path: string) => void } {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: string) => {
    window.location.hash = next;
  }, []);
  return { path, segments: path.split('/').filter(Boolean), navigate };
}
