import { argon2d, argon2id } from 'hash-wasm';
import * as kdbxweb from 'kdbxweb';

/**
 * kdbxweb does the KDBX 4 format but leaves Argon2 to the application.
 * hash-wasm's Argon2 is WebAssembly inlined in its JavaScript, so it bundles
 * into the main process with no native build and no loose .wasm file.
 */
let installed = false;

export function kdbx(): typeof kdbxweb {
  if (!installed) {
    kdbxweb.CryptoEngine.setArgon2Impl(
      async (password, salt, memory, iterations, length, parallelism, type, version) => {
        if (version !== 0x13) throw new Error('Only Argon2 version 1.3 is supported');
        const hash = type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? argon2id : argon2d;
        const out = await hash({
          password: new Uint8Array(password),
          salt: new Uint8Array(salt),
          // kdbxweb already gives the memory in KiB, as hash-wasm wants it.
          memorySize: memory,
          iterations,
          hashLength: length,
          parallelism,
          outputType: 'binary',
        });
        return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
      },
    );
    installed = true;
  }
  return kdbxweb;
}
