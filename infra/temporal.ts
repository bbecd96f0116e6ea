/** Connections to Temporal for the API (client) and the worker (native connection). */
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from './config';

export interface TemporalTarget {
  address: string;
  namespace: string;
  /** mTLS (e.g. a Temporal Cloud namespace) */
  tls?: AppConfig['temporal']['tls'];
  /** Temporal Cloud API key (implies TLS) */
  apiKey?: string;
}

function tlsOf(target: TemporalTarget) {
  if (target.tls) {
    return {
      serverNameOverride: target.tls.serverName,
      clientCertPair: { crt: fs.readFileSync(target.tls.certPath), key: fs.readFileSync(target.tls.keyPath) },
    };
  }
  return target.apiKey ? true : undefined;
}

export async function connectClient(target: TemporalTarget): Promise<Client> {
  const connection = await Connection.connect({ address: target.address, tls: tlsOf(target), apiKey: target.apiKey });
  return new Client({ connection, namespace: target.namespace });
}

export async function connectWorker(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({ address: target.address, tls: tlsOf(target), apiKey: target.apiKey });
}
