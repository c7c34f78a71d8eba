/** Runs `./bin/komek` as a user would and returns its exit code and output (CLI contract tests). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KOMEK = fileURLToPath(new URL('../bin/komek', import.meta.url));

export function komek(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(KOMEK, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
