/**
 * The third entry's demo (在职党员双报到): employers whose Party organisations registered with a
 * community, in-service members registered where they live, a needs list with claims, and services
 * on members' cards — for three demo communities named in the newspaper report (桥东, 碧海, 港北).
 * `npm run seed:demo` imports the two files through the API's import endpoints (as CSV, like any
 * user would), then publishes needs, claims them for members and records services through the API.
 * `--write` (re)writes seed/demo-serving-employers.csv and seed/demo-serving-members.csv.
 *
 * MADE-UP DEMO DATA, marked like the unit tree (scripts/seed-demo.ts): codes start with `demo-`,
 * names end in （示例）, emails are @example.org, mobiles are 1390000xxxx, and the ID numbers begin
 * with 990000 — no region has that code, so none can be a real person's (their check characters
 * are valid, as the import checks them). Deterministic: the same files every time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, shanghaiDateOf } from '../domain/period';
import { SERVICE_POST_LABELS, SERVICE_POSTS } from '../domain/serving';
import { ImportFailed } from './import';

export const DEMO_SERVING_EMPLOYERS_CSV = path.join(__dirname, '..', 'seed', 'demo-serving-employers.csv');
export const DEMO_SERVING_MEMBERS_CSV = path.join(__dirname, '..', 'seed', 'demo-serving-members.csv');
const MARK = '（示例）';

/** The three demo communities of the report (codes of scripts/seed-demo.ts's tree). */
export const DEMO_SERVING_COMMUNITIES = [
  'demo-dadong-qiaodong',
  'demo-xinxing-bihai',
  'demo-xincheng-gangbei',
] as const;

export interface DemoEmployer {
  code: string;
  name: string;
  partyOrgName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  community: string;
}

export interface DemoMember {
  name: string;
  phone: string;
  idNumber: string;
  email: string;
  community: string;
  employer: string;
  skills: string[];
  posts: string[];
  registeredOn: string;
}

// prettier-ignore
const EMPLOYERS: [slug: string, name: string, partyOrg: string, sits: number | null][] = [
  ['tax', '东港市税务局', '东港市税务局机关党支部', 1],
  ['power', '东港供电公司', '东港供电公司党委', 0],
  ['school', '东港市第一中学', '东港市第一中学党总支', 2],
  ['hospital', '东港市中心医院', '东港市中心医院党委', null],
  ['port', '东港港务公司', '东港港务公司党委', 1],
  ['court', '东港市人民法院', '东港市人民法院机关党委', 0],
];

// prettier-ignore
const NAMES = [
  '王海涛', '李春梅', '张志强', '刘丽娟', '陈晓东', '杨秀英', '赵国华', '黄红霞', '周文博', '吴淑珍',
  '徐振宇', '孙雪梅', '马德明', '朱玉兰', '胡宏伟', '郭桂芳', '何永刚', '高晓丽', '林世杰', '郑亚楠',
  '梁长青', '谢美玲', '宋广义', '韩素梅', '冯庆春', '邓丹', '曹建国', '于立军', '董海燕', '姜志远',
];
const SKILLS = [
  '法律咨询',
  '医疗保健',
  '家电维修',
  '心理疏导',
  '书法',
  '理发',
  '驾驶',
  '电脑维护',
  '财税咨询',
  '英语辅导',
];

/** A check character per GB 11643 (the import verifies it). */
function withCheck(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body17[i]), 0);
  return body17 + '10X98765432'[sum % 11]!;
}

export function demoServingEmployers(): DemoEmployer[] {
  return EMPLOYERS.map(([slug, name, partyOrgName, sits], i) => ({
    code: `demo-emp-${slug}`,
    name: `${name}${MARK}`,
    partyOrgName: `${partyOrgName}${MARK}`,
    contactName: `${NAMES[(i * 7) % NAMES.length]!}${MARK}`,
    contactEmail: `demo-emp-${slug}@example.org`,
    contactPhone: `0415-000-${String(900 + i).padStart(4, '0')}`,
    community: sits === null ? '' : DEMO_SERVING_COMMUNITIES[sits]!,
  }));
}

/** 30 members, 10 in each demo community; every employer has members in all three. */
export function demoServingMembers(): DemoMember[] {
  const employers = demoServingEmployers();
  return NAMES.map((name, i) => {
    const n = i + 1;
    const community = DEMO_SERVING_COMMUNITIES[i % 3]!;
    const employer = employers[(Math.floor(i / 3) * 2 + i) % employers.length]!;
    return {
      name: `${name}${MARK}`,
      phone: `1390000${String(n).padStart(4, '0')}`,
      idNumber: withCheck(
        `990000${1970 + (i % 30)}0${1 + (i % 9)}1${i % 10}${String(n).padStart(3, '0')}`.slice(0, 17),
      ),
      email: `demo-member-${String(n).padStart(2, '0')}@example.org`,
      community,
      employer: employer.code,
      skills: [SKILLS[i % SKILLS.length]!, ...(i % 4 === 0 ? [SKILLS[(i + 3) % SKILLS.length]!] : [])],
      posts: [
        SERVICE_POSTS[i % SERVICE_POSTS.length]!,
        ...(i % 3 === 0 ? [SERVICE_POSTS[(i + 2) % SERVICE_POSTS.length]!] : []),
      ],
      // Registered in the autumn of 2025 (a past date: the cards' recent services come after it).
      registeredOn: `2025-${String(9 + (i % 3)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
    };
  });
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvOf = (header: string[], rows: string[][]) =>
  '\ufeff' + [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n';

/** The employers as a Chinese Excel opens them: UTF-8 with a BOM, the import's Chinese headers. */
export function demoServingEmployersCsv(employers = demoServingEmployers()): string {
  const header = ['单位编码', '单位名称', '党组织名称', '联系人', '联系邮箱', '联系电话', '所在社区'];
  return csvOf(
    header,
    employers.map((e) => [e.code, e.name, e.partyOrgName, e.contactName, e.contactEmail, e.contactPhone, e.community]),
  );
}

/** The members likewise: 姓名, 手机号, 身份证号, 邮箱, 所在社区(社区编码), 工作单位(单位编码), 特长, 服务岗位, 报到日期. */
export function demoServingMembersCsv(members = demoServingMembers()): string {
  const header = [
    '姓名',
    '手机号',
    '身份证号',
    '邮箱',
    '所在社区(社区编码)',
    '工作单位(单位编码)',
    '特长',
    '服务岗位',
    '报到日期',
  ];
  return csvOf(
    header,
    members.map((m) => [
      m.name,
      m.phone,
      m.idNumber,
      m.email,
      m.community,
      m.employer,
      m.skills.join('、'),
      m.posts.map((p) => SERVICE_POST_LABELS[p as keyof typeof SERVICE_POST_LABELS].zh).join('、'),
      m.registeredOn,
    ]),
  );
}

export function writeDemoServingCsv(): string[] {
  fs.mkdirSync(path.dirname(DEMO_SERVING_MEMBERS_CSV), { recursive: true });
  fs.writeFileSync(DEMO_SERVING_EMPLOYERS_CSV, demoServingEmployersCsv());
  fs.writeFileSync(DEMO_SERVING_MEMBERS_CSV, demoServingMembersCsv());
  return [DEMO_SERVING_EMPLOYERS_CSV, DEMO_SERVING_MEMBERS_CSV];
}

/* ---- through the API ---- */

type Auth = Record<string, string>;

async function call(
  apiUrl: string,
  auth: Auth,
  method: string,
  route: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const res = await fetch(new URL(route, apiUrl), {
    method,
    headers: { ...auth, 'Content-Type': contentType, Accept: 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new ImportFailed(`${method} ${route}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  // An import may answer as NDJSON progress lines: the last line is the outcome.
  const last = text.trim().split('\n').pop() ?? '';
  return (last ? JSON.parse(last) : {}) as Record<string, unknown>;
}

/** A need of the demo: days from today, what, how many people; the claimants (members of the community, by place in its list). */
const DEMO_NEEDS: {
  community: number;
  inDays: number;
  title: string;
  category: string;
  slots: number;
  claimants: number[];
}[] = [
  {
    community: 0,
    inDays: 3,
    title: '为独居老人上门理发（示例）',
    category: 'elderly_care',
    slots: 3,
    claimants: [0, 1],
  },
  { community: 0, inDays: 10, title: '楼道杂物清理（示例）', category: 'environment', slots: 5, claimants: [2, 3, 4] },
  { community: 1, inDays: 5, title: '社区法律咨询日（示例）', category: 'legal_aid', slots: 2, claimants: [0, 1] },
  {
    community: 1,
    inDays: 14,
    title: '青少年暑期课业辅导（示例）',
    category: 'children_youth',
    slots: 4,
    claimants: [3],
  },
  { community: 2, inDays: 7, title: '夜间平安巡逻（示例）', category: 'safety', slots: 4, claimants: [0, 2, 5, 6] },
  { community: 2, inDays: 21, title: '微心愿：为困难家庭修理电器（示例）', category: 'wish', slots: 1, claimants: [] },
];

/** Import the demo's employers and members, then publish needs, claim them and record past services. */
export async function seedServingDemo(apiUrl: string, auth: Auth, log: (line: string) => void): Promise<void> {
  const csv = 'text/csv; charset=utf-8';
  log(
    `单位报到 Employers: ${JSON.stringify(await call(apiUrl, auth, 'POST', '/api/serving/import/employers', demoServingEmployersCsv(), csv))}`,
  );
  log(
    `个人报到 Members: ${JSON.stringify(await call(apiUrl, auth, 'POST', '/api/serving/import/members', demoServingMembersCsv(), csv))}`,
  );
  const today = shanghaiDateOf(Date.now());
  for (const [c, code] of DEMO_SERVING_COMMUNITIES.entries()) {
    const list = await call(apiUrl, auth, 'GET', `/api/serving/members?communityId=${code}&limit=500`);
    const members = ((list.items ?? []) as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name));
    for (const need of DEMO_NEEDS.filter((n) => n.community === c)) {
      const { claimants, community: _c, inDays, ...rest } = need;
      void _c;
      const created = await call(apiUrl, auth, 'POST', '/api/serving/needs', {
        ...rest,
        communityId: code,
        neededOn: addDays(today, inDays),
      });
      for (const i of claimants) {
        const m = members[i];
        if (m) await call(apiUrl, auth, 'POST', `/api/serving/needs/${String(created.id)}/claims`, { memberId: m.id });
      }
    }
    // Past services on the cards: every other member, one or two in the last weeks.
    for (const [i, m] of members.entries()) {
      for (let k = 0; k < (i % 3 === 0 ? 2 : i % 3 === 1 ? 1 : 0); k++) {
        await call(apiUrl, auth, 'POST', '/api/serving/services', {
          memberId: m.id,
          servedOn: addDays(today, -(7 + 9 * k + i)),
          minutes: 60 + 30 * ((i + k) % 4),
          what: k === 0 ? '入户走访困难群众（示例）' : '参加社区环境整治（示例）',
          confirmedBy: `社区书记${MARK}`,
        });
      }
    }
    log(
      `${code}: ${members.length} 名党员 members, ${DEMO_NEEDS.filter((n) => n.community === c).length} 项需求 needs`,
    );
  }
}
