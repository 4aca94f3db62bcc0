/// <reference types="vite/client" />
import type { KeyholderBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the e2e bridge; absent in a plain browser. */
    keyholder?: KeyholderBridge;
  }
}
