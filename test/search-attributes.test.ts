/**
 * Registering the search attributes where a namespace lacks them (a dev server started without
 * them stands in for a cluster), and running without them where they cannot be listed (the
 * time-skipping test server).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from '@temporalio/client';
import { loadConfig } from '../infra/config';
import type { Logger } from '../infra/log';
import { testServerExecutable } from '../infra/embedded/tools';
import { startDevTemporal } from './support/api-harness';
import {
  ensureSearchAttributes,
  isIndexed,
  markIndexed,
  registerCommands,
  startIndex,
} from '../obligations/search-attributes';

function recordingLog() {
  const lines: { level: string; msg: string; meta?: unknown }[] = [];
  const at = (level: string) => (msg: string, meta?: unknown) => lines.push({ level, msg, meta });
  return { lines, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as Logger };
}

test('a namespace without them gets them registered once, and logged', async () => {
  // A fresh namespace, so its own dev server even when the other tests share a cluster.
  const env = await startDevTemporal();
  try {
    const operator = env.client.connection.operatorService;
    const before = await operator.listSearchAttributes({ namespace: 'default' });
    expect(Object.keys(before.customAttributes ?? {})).not.toContain('UnitCode');

    const first = recordingLog();
    expect(await ensureSearchAttributes(operator, 'default', first.log)).toBe(true);
    expect(first.lines).toEqual([
      {
        level: 'info',
        msg: 'Search attributes registered',
        meta: { namespace: 'default', attributes: ['UnitCode', 'UnitLevel', 'StreetCode', 'Obligation', 'PeriodKey'] },
      },
    ]);
    const after = await operator.listSearchAttributes({ namespace: 'default' });
    expect(Object.keys(after.customAttributes ?? {})).toEqual(
      expect.arrayContaining(['UnitCode', 'UnitLevel', 'StreetCode', 'Obligation', 'PeriodKey']),
    );

    const second = recordingLog();
    expect(await ensureSearchAttributes(operator, 'default', second.log)).toBe(true);
    expect(second.lines).toEqual([]);
  } finally {
    await env.teardown();
  }
});

test('the time-skipping test server cannot list them: the service runs without them', async () => {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testServerExecutable(loadConfig({})) },
  });
  try {
    const { lines, log } = recordingLog();
    expect(await ensureSearchAttributes(env.client.connection.operatorService, 'default', log)).toBe(false);
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  } finally {
    await env.teardown();
  }
});

test('starts set the attributes only through an indexed client; the memo always', () => {
  const client = new Client();
  const unit = { unitCode: 'bihai', unitLevel: 'community', streetCode: 'xinxing', unitName: '碧海社区' };
  expect(startIndex(client, 'meeting-cadence', unit)).toEqual({ memo: { unitName: '碧海社区' } });
  markIndexed(client);
  expect(isIndexed(client)).toBe(true);
  const started = startIndex(client, 'evaluation', unit, { periodKey: '2026' });
  expect(started.memo).toEqual({ unitName: '碧海社区' });
  expect(started.typedSearchAttributes!.map((p) => [p.key.name, p.value])).toEqual([
    ['Obligation', 'evaluation'],
    ['UnitCode', 'bihai'],
    ['UnitLevel', 'community'],
    ['StreetCode', 'xinxing'],
    ['PeriodKey', '2026'],
  ]);
  expect(startIndex(client, 'calendar-watch', null)).toEqual({
    typedSearchAttributes: [expect.objectContaining({ value: 'calendar-watch' })],
  });
  expect(registerCommands('default')[0]).toBe(
    'temporal operator search-attribute create --namespace default --name UnitCode --type Keyword',
  );
});
