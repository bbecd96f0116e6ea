/**
 * Replay over committed histories (test/histories, recorded by `npm run histories:record`):
 * today's workflow code must make the same decisions as the code that wrote them. A failure
 * here means a change would break running workflows: use workflow versioning (patched).
 */
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../worker';

const dir = path.join(__dirname, 'histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

test('there are committed histories of every workflow type', () => {
  expect(files.some((f) => f.startsWith('meeting-cadence-'))).toBe(true);
  expect(files.some((f) => f.startsWith('planned-meeting-'))).toBe(true);
  expect(files.some((f) => f.startsWith('escalation-'))).toBe(true);
  expect(files.some((f) => f.startsWith('leader-visit-'))).toBe(true);
  expect(files.some((f) => f.startsWith('attendance-check'))).toBe(true);
  expect(files.some((f) => f.startsWith('evaluation-'))).toBe(true);
  expect(files.some((f) => f.startsWith('need-claim-'))).toBe(true);
  expect(files.some((f) => f.startsWith('serving-participation-'))).toBe(true);
  expect(files.some((f) => f.startsWith('serving-feedback-'))).toBe(true);
});

test.each(files)('%s replays without nondeterminism', async (file) => {
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const history = temporal.api.history.v1.History.fromObject(json);
  expect(history.events.length).toBeGreaterThan(5);
  await Worker.runReplayHistory({ workflowsPath, replayName: file }, history);
});
