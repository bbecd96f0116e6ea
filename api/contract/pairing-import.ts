/**
 * The OpenAPI description of the pairing import (三进结对导入): POST /api/pairings/import, the
 * file as the body (api/routes/pairing-import.ts). api/contract/index.ts lists the area.
 */
import { z } from 'zod';
import type { OperationSpec } from './types';
import { importRejection } from './common';
import { component } from './types';

const csv = 'text/csv';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const counts = (what: string) =>
  z
    .object({
      leaders: z.number().int().min(0),
      departments: z.number().int().min(0),
      pairings: z.number().int().min(0).describe('Department ↔ community pairings'),
    })
    .describe(what);

export const pairingImportSummary = component(
  'PairingImportSummary',
  z.object({
    created: counts('Registered by this import'),
    total: counts('In the file: new, or already registered with the same details'),
  }),
  'Every leader, department and pairing of the file registered (created) or already there unchanged; the same file again creates nothing',
);

export const pairingImportOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/pairings/import',
    operationId: 'importPairings',
    summary: {
      zh: '批量导入三进结对：市级领导、市直部门与社区（CSV / XLSX）',
      en: 'Bulk import of the entries’ pairings: city leaders, departments and communities (CSV / XLSX)',
    },
    description:
      '每行一位领导或一个部门（类型列：领导 / 部门）；领导结对一个社区，部门每行结对一个社区（同一部门编码可出现在多行，信息须一致）。每个社区结对部门数须在规则范围内（默认 3–5）。全部成功或全部不写入；同一文件再次导入不新建，并启动各领导的走访义务。 / One leader or department per row (type: leader / department); a leader is paired with one community, a department with one community per row (the same department code on several rows, with the same details). Each community must end with the rule’s number of departments (3 to 5 by default). All or nothing; the same file again creates nothing; each leader’s visit obligation is started. At most 20 MB and 50,000 rows.',
    tags: ['entries'],
    roles: ['admin'],
    body: {
      description: 'The file itself as the body',
      content: {
        [csv]: {
          type: 'string',
          description:
            'UTF-8 CSV (BOM optional; `; charset=gbk` honoured). Header row: 类型/type, 编码/code, 姓名/name, 职务/title, 邮箱/email, 电话/phone, 联络员/secretaryName, 联络员邮箱/secretaryEmail, 联系人/contactName, 联系人邮箱/contactEmail, 社区编码/community, 语言/locale',
        },
        [xlsx]: { type: 'string', contentMediaType: xlsx, description: 'First sheet; same columns' },
      },
    },
    responses: {
      200: { description: 'Imported', schema: pairingImportSummary },
      400: { description: '导入被拒绝，未写入任何数据 / Rejected: nothing written', schema: importRejection },
    },
    errors: [413, 415, 503],
  },
];
