import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatcher';
import { latestSchemaVersion } from '../../../electron/db/migrations';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { KeyholderError, type IpcResult } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { createTestPlatform } from '../../support/test-platform';

const tempDir = useTempDirs('keyholder-dispatch-');
const cores: Core[] = [];
// Registered after useTempDirs, so it runs first: close the database, then remove the folder.
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function makeCore(): { core: Core; dataDir: string; lines: string[] } {
  const dataDir = tempDir();
  const lines: string[] = [];
  const core = createCore({
    dataDir,
    secretStore: createMemoryStore(),
    platform: createTestPlatform(),
    appVersion: '1.2.3',
    log: (line) => lines.push(line),
  });
  cores.push(core);
  return { core, dataDir, lines };
}

function expectError(result: IpcResult<unknown>, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error.message;
}

/** A dispatcher whose app.info handler is whatever the test needs. */
function withHandler(handler: () => unknown): { dispatch: ReturnType<typeof createDispatcher>; lines: string[] } {
  const lines: string[] = [];
  const handlers = { 'app.info': handler } as unknown as Handlers;
  const rules = {
    requireUnlocked: () => undefined,
    callContext: () => ({ db: {} as never, now: new Date(0), actor: 'Test' }),
  };
  return { dispatch: createDispatcher(handlers, (line) => lines.push(line), rules), lines };
}

const validInfo = {
  name: 'Keyholder',
  version: '9.9.9',
  dataDir: '/tmp/x',
  databasePath: '/tmp/x/keyholder.db',
  schemaVersion: 1,
  platform: 'test',
  storageWarning: null,
};

describe('dispatch through createCore', () => {
  it('answers app.info with the version, data folder and schema version', async () => {
    const { core, dataDir } = makeCore();
    const result = await core.dispatch('app.info', {});
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Keyholder',
        version: '1.2.3',
        dataDir,
        schemaVersion: latestSchemaVersion,
      }),
    });
  });

  it('treats an undefined payload as {}', async () => {
    const { core } = makeCore();
    const result = await core.dispatch('app.info', undefined);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ version: '1.2.3' });
  });

  it.each(['nope.nothing', 42, null, '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'refuses the unknown channel %j and says nothing was changed',
    async (channel) => {
      const { core } = makeCore();
      const message = expectError(await core.dispatch(channel, {}), 'UNKNOWN_CHANNEL');
      expect(message).toMatch(/nothing was changed/i);
    },
  );

  it.each([
    ['an extra key', { junk: 1 }],
    ['a string', 'app.info'],
    ['an array', [1, 2, 3]],
    ['a number', 7],
    ['a boolean', true],
  ])('refuses %s as the payload with a readable message', async (_label, payload) => {
    const { core } = makeCore();
    const message = expectError(await core.dispatch('app.info', payload), 'INVALID_INPUT');
    expect(message).toMatch(/^Keyholder could not accept that request, so nothing was changed\./);
    expect(message).not.toMatch(/^\s*[[{]/);
    expect(message).not.toMatch(/"(code|path|expected|origin)"\s*:/);
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) expect(message).toContain('junk');
  });
});

describe('createDispatcher with hand-made handlers', () => {
  it('passes a KeyholderError code and message through unchanged', async () => {
    const { dispatch } = withHandler(() => {
      throw new KeyholderError('VAULT_LOCKED', 'The vault is locked. Unlock it in Settings.');
    });
    expect(await dispatch('app.info', {})).toEqual({
      ok: false,
      error: { code: 'VAULT_LOCKED', message: 'The vault is locked. Unlock it in Settings.' },
    });
  });

  it('passes through a KeyholderError from an async handler too', async () => {
    const { dispatch } = withHandler(async () => {
      await Promise.resolve();
      throw new KeyholderError('CONFLICT', 'Someone else changed this first.');
    });
    expectError(await dispatch('app.info', {}), 'CONFLICT');
  });

  it('hides the text of an unexpected error from the renderer but logs it', async () => {
    const secretish = 'SQLITE_CORRUPT at /home/bursar/keyholder.db page 42';
    const { dispatch, lines } = withHandler(() => {
      throw new Error(secretish);
    });
    const message = expectError(await dispatch('app.info', {}), 'INTERNAL');
    expect(message).not.toContain(secretish);
    expect(message).not.toContain('SQLITE_CORRUPT');
    expect(lines.join('\n')).toContain(secretish);
  });

  it('turns a thrown non-Error value into INTERNAL and logs it', async () => {
    const { dispatch, lines } = withHandler(() => {
      throw 'a bare string 7f3a';
    });
    const message = expectError(await dispatch('app.info', {}), 'INTERNAL');
    expect(message).not.toContain('7f3a');
    expect(lines.join('\n')).toContain('a bare string 7f3a');
  });

  it('gives INTERNAL when a handler returns output outside its schema', async () => {
    const { dispatch, lines } = withHandler(() => ({ ...validInfo, schemaVersion: 'one' }));
    expectError(await dispatch('app.info', {}), 'INTERNAL');
    expect(lines.join('\n')).toContain('app.info');
  });

  it('strips fields the output schema does not name, such as a secret', async () => {
    const { dispatch } = withHandler(() => ({ ...validInfo, vaultKey: 'hunter2' }));
    const result = await dispatch('app.info', {});
    expect(result).toEqual({ ok: true, value: validInfo });
  });

  it('never calls the handler when the input is refused', async () => {
    let calls = 0;
    const { dispatch } = withHandler(() => {
      calls += 1;
      return validInfo;
    });
    expectError(await dispatch('app.info', { junk: 1 }), 'INVALID_INPUT');
    expectError(await dispatch('toString', {}), 'UNKNOWN_CHANNEL');
    expect(calls).toBe(0);
  });
});
