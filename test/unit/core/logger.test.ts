import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/core/logger';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('keyholder-log-');
const oneMiB = 1024 * 1024;

/** A clock that moves on one second per reading, so each line has its own stamp. */
function steppingClock(start = '2024-11-05T09:15:00.000Z'): () => Date {
  let next = Date.parse(start);
  return () => {
    const at = new Date(next);
    next += 1000;
    return at;
  };
}

describe('createFileLogger', () => {
  it('appends one line per message, each starting with an ISO timestamp', () => {
    const dataDir = tempDir();
    const log = createFileLogger(dataDir, steppingClock());
    log('Vault opened');
    log('Settings saved');
    const text = readFileSync(join(dataDir, 'logs', 'keyholder.log'), 'utf8');
    expect(text).toBe('2024-11-05T09:15:00.000Z Vault opened\n2024-11-05T09:15:01.000Z Settings saved\n');
  });

  it('uses the time it is given, not the system clock', () => {
    const dataDir = tempDir();
    createFileLogger(dataDir, () => new Date('1999-12-31T23:59:59.999Z'))('Party');
    const text = readFileSync(join(dataDir, 'logs', 'keyholder.log'), 'utf8');
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /);
    expect(text.startsWith('1999-12-31T23:59:59.999Z Party')).toBe(true);
  });

  it('indents the continuation lines of a multi-line message, whatever the line ending', () => {
    const dataDir = tempDir();
    createFileLogger(dataDir, steppingClock())('Unexpected error\n  at first\r\n  at second');
    const text = readFileSync(join(dataDir, 'logs', 'keyholder.log'), 'utf8');
    expect(text).toBe('2024-11-05T09:15:00.000Z Unexpected error\n      at first\n      at second\n');
    expect(text).not.toContain('\r');
    // Every line but the first is indented, so each entry starts at a timestamp.
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(1).every((line) => line.startsWith('    '))).toBe(true);
  });

  it('rolls the log to keyholder.1.log once it passes 1 MiB', () => {
    const dataDir = tempDir();
    const logs = join(dataDir, 'logs');
    const log = createFileLogger(dataDir, steppingClock());
    log(`big ${'x'.repeat(oneMiB)}`);
    expect(statSync(join(logs, 'keyholder.log')).size).toBeGreaterThan(oneMiB);
    expect(existsSync(join(logs, 'keyholder.1.log'))).toBe(false);

    log('after the roll');
    const rolled = readFileSync(join(logs, 'keyholder.1.log'), 'utf8');
    const current = readFileSync(join(logs, 'keyholder.log'), 'utf8');
    expect(rolled.startsWith('2024-11-05T09:15:00.000Z big xxx')).toBe(true);
    expect(rolled).not.toContain('after the roll');
    expect(current).toBe('2024-11-05T09:15:01.000Z after the roll\n');
  });

  it('does not roll a log that is still under 1 MiB', () => {
    const dataDir = tempDir();
    const log = createFileLogger(dataDir, steppingClock());
    log('x'.repeat(oneMiB - 200));
    log('still the same file');
    expect(existsSync(join(dataDir, 'logs', 'keyholder.1.log'))).toBe(false);
    expect(readFileSync(join(dataDir, 'logs', 'keyholder.log'), 'utf8')).toContain('still the same file');
  });

  it('replaces an older rolled log rather than failing', () => {
    const dataDir = tempDir();
    const logs = join(dataDir, 'logs');
    const log = createFileLogger(dataDir, steppingClock());
    log('first');
    writeFileSync(join(logs, 'keyholder.1.log'), 'ancient history\n');
    log('y'.repeat(oneMiB));
    log('second');
    expect(readFileSync(join(logs, 'keyholder.1.log'), 'utf8')).not.toContain('ancient history');
    expect(readFileSync(join(logs, 'keyholder.log'), 'utf8')).toContain('second');
  });

  it('never throws when the log folder cannot be created', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a regular file');
    const log = createFileLogger(join(blocker, 'data'), steppingClock());
    expect(() => log('this has nowhere to go')).not.toThrow();
    expect(() => log('nor does this\nsecond line')).not.toThrow();
    expect(readFileSync(blocker, 'utf8')).toBe('a regular file');
  });
});
