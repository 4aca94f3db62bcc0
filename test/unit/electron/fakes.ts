import { vi } from 'vitest';

/**
 * Small stand-ins for Electron objects that register listeners with `on`.
 * Each keeps every listener so a test can fire an event and look at what
 * the code under test did with it.
 */
export type Listener = (...args: unknown[]) => unknown;

export interface FakeEmitter {
  on: ReturnType<typeof vi.fn>;
  listeners: Map<string, Listener[]>;
  emit(name: string, ...args: unknown[]): void;
}

export function fakeEmitter(): FakeEmitter {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    }),
    emit(name, ...args) {
      for (const listener of listeners.get(name) ?? []) listener(...args);
    },
  };
}

export function fakeWebContents() {
  return {
    ...fakeEmitter(),
    setWindowOpenHandler: vi.fn(),
    closeDevTools: vi.fn(),
  };
}

export function fakeSession() {
  return {
    ...fakeEmitter(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
}

/** An Electron-style event whose preventDefault a test can inspect. */
export function fakeEvent() {
  return { preventDefault: vi.fn() };
}
