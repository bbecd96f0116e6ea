/**
 * The OpenAPI description of the dashboard (督办工作台, api/routes/web.ts): the page itself at `/`
 * (public, like /docs: the app logs in through the API) and GET /api/ui-config. The app's other
 * pages (/units/…, /evaluations) and its hashed assets are the same page and its files, not API
 * operations, as /docs/<file> is not.
 */
import { z } from 'zod';
import type { OperationSpec } from './types';
import { component } from './types';

export const uiConfig = component(
  'UiConfig',
  z.object({
    temporalUiUrl: z
      .url()
      .nullable()
      .describe(
        'The Temporal Web UI; a workflow is at <temporalUiUrl>/namespaces/<namespace>/workflows/<workflowId>. null: not known (no link)',
      ),
    namespace: z.string().describe('The Temporal namespace of the workflows'),
    searchAttributes: z
      .boolean()
      .describe(
        "The workflows carry the custom search attributes (UnitCode, UnitLevel, StreetCode, Obligation, PeriodKey): a unit's workflows are listed at <temporalUiUrl>/namespaces/<namespace>/workflows?query=UnitCode%3D%22<code>%22",
      ),
  }),
  'What the dashboard needs to know about this deployment',
);

const html = { 'text/html': { type: 'string' } };

export const webOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/',
    operationId: 'getDashboard',
    summary: { zh: '督办工作台（网页界面）', en: 'The dashboard (web UI)' },
    description:
      '构建好的单页应用（中文默认，可切换英文）；页面本身无需登录，数据经 /api 登录后读取。未构建时为 503 页面，提示运行 npm run build:web。 / The built single-page app (zh-CN by default, English switch); the page needs no login, its data comes from /api after logging in. Before the bundle is built: a 503 page saying to run npm run build:web.',
    tags: ['dashboard'],
    access: 'public',
    responses: {
      200: { description: 'HTML page (the dashboard)', content: html },
      503: { description: 'The bundle is not built: a page saying to run npm run build:web', content: html },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/ui-config',
    operationId: 'getUiConfig',
    summary: {
      zh: '网页界面的配置（Temporal Web UI 地址）',
      en: 'The web UI’s settings (the Temporal Web UI address)',
    },
    tags: ['dashboard'],
    responses: { 200: uiConfig },
    errors: [],
  },
];

/** The tag of these operations (api/contract/index.ts lists the areas in order). */
export const webTag = { name: 'dashboard', description: '督办工作台 / The dashboard (web UI)' };
