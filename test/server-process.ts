/**
 * Starts `./bin/komek serve` as a real child process on a free port (the server picks it: --port 0) with
 * its own embedded database, for crash tests and browser tests. The one way tests start a server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const KEEP_OUTPUT = 200_000;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** The server's output so far (the last 200,000 characters). */
  readonly output: () => string;
  /** Stops the server: the given signal (SIGTERM by default), then SIGKILL if it has not exited in 5 s. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

export async function startServerProcess(dataDir: string, env: Record<string, string> = {}, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(join(ROOT, 'bin/komek'), ['serve', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    // The embedded database in dataDir — never a DATABASE_URL this test process happens to have.
    env: { ...process.env, DATABASE_URL: '', KOMEK_LOG_LEVEL: 'warn', KOMEK_DEMO_PERSONS: '300', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => void (out = (out + d.toString()).slice(-KEEP_OUTPUT));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`komek serve did not start in ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        const m = /Komek: (http:\/\/[^\s]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`komek serve exited with code ${code}`));
      });
    });
    return { url, child, output: () => out, kill: (signal = 'SIGTERM') => stop(child, signal) };
  } catch (e) {
    await stop(child, 'SIGKILL');
    throw new Error(`${(e as Error).message}\n--- server output ---\n${out.slice(-5000)}`);
  }
}
