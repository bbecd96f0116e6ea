/**
 * The embedded Temporal dev server: the Temporal CLI's `server start-dev` as a child
 * process, with a file database so workflows survive a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_KEYS } from '../../domain/search-attributes';
import type { Logger } from '../log';
import { isListening, waitForPort } from '../net';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  /** SQLite file of the dev server; undefined → in memory. */
  dbFile?: string;
  port: number;
  uiPort: number;
  namespace: string;
  log: Logger;
}

export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  if (await isListening(o.port)) {
    throw new Error(
      `Port ${o.port} is already in use: stop what runs there, or set TEMPORAL_DEV_PORT (or TEMPORAL_ADDRESS to use a running Temporal)`,
    );
  }
  const args = [
    'server',
    'start-dev',
    '--port',
    String(o.port),
    '--ui-port',
    String(o.uiPort),
    '--namespace',
    o.namespace,
    '--log-level',
    'error',
    '--ip',
    '127.0.0.1',
    // The workflows' custom search attributes (UnitCode, …), registered on every start.
    ...SEARCH_ATTRIBUTE_KEYS.flatMap((k) => ['--search-attribute', `${k.name}=Keyword`]),
  ];
  if (o.dbFile) {
    fs.mkdirSync(path.dirname(o.dbFile), { recursive: true });
    args.push('--db-filename', o.dbFile);
  }
  const child: ChildProcess = spawn(o.cliPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Whatever way this process ends (process.exit, an uncaught error), the dev server ends with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const address = `127.0.0.1:${o.port}`;
  try {
    await Promise.race([
      waitForPort(o.port, 60_000),
      exited.then((code) => {
        throw new Error(`Temporal dev server exited (code ${code}): ${stderr.trim()}`);
      }),
    ]);
    // The frontend accepts connections a little before it serves the namespace.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const conn = await Connection.connect({ address });
        await conn.workflowService.describeNamespace({ namespace: o.namespace });
        await conn.close();
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  o.log.info('Temporal dev server up', { address, db: o.dbFile ?? 'memory' });
  return {
    address,
    uiUrl: `http://127.0.0.1:${o.uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
