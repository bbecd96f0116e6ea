/**
 * `npm run seed:demo [-- --api http://localhost:3000]`: import a made-up, Donggang-sized
 * organisation tree through the running API's import endpoint (as CSV, like any user would).
 * `npm run seed:demo -- --write` only (re)writes seed/demo-donggang.csv, the same data as a
 * file to try `npm run import` with.
 *
 * MADE-UP DEMO DATA. The city, its three streets and the communities 桥东, 碧海 and 港北 are
 * named in the newspaper report the domain comes from (shared/seed/donggang-article.txt);
 * every other community and compound name, every person, email and phone number is invented.
 * It is marked: codes start with `demo-`, convener names end in （示例）, emails are
 * @example.org, phone numbers are 0415-000-xxxx. Deterministic: the same file every time.
 *
 * Then the third entry's demo (scripts/seed-demo-serving.ts): employers and in-service members
 * registered with 桥东, 碧海 and 港北 (seed/demo-serving-*.csv through the serving import endpoints),
 * needs with claims and past services through the API. `--no-serving` leaves them out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HEADER_ALIASES, IMPORT_FIELDS, type ImportField, LEVEL_NAMES_ZH } from '../domain/org-import';
import type { NewUnit } from '../services/units';
import { apiUrlFrom, cliAuth, postImport, printFailure, printSummary, progressPrinter } from './import';
import type { UnitLevel } from '../domain/org';
import { seedServingDemo, writeDemoServingCsv } from './seed-demo-serving';

export const DEMO_CSV_PATH = path.join(__dirname, '..', 'seed', 'demo-donggang.csv');
export const DEMO_MARK = '（示例）';

export const DEMO_NOTICE =
  '注意：这是虚构的示例数据（编码以 demo- 开头，召集人姓名带“（示例）”，邮箱为 @example.org），不是东港市的真实名单。\n' +
  'Note: this is MADE-UP demo data (codes start with demo-, convener names end in （示例）, emails are @example.org), not a real list of Donggang units or people.\n';

/** A unit of the demo tree: what the import takes, with a phone and without locale or webhook. */
export type DemoUnit = Omit<NewUnit, 'locale' | 'webhookUrl' | 'convenerPhone'> & { convenerPhone: string };

const STREETS: { slug: string; name: string; communities: [slug: string, name: string][] }[] = [
  {
    slug: 'dadong',
    name: '大东街道',
    communities: [
      ['qiaodong', '桥东社区'],
      ['jianghai', '江海社区'],
      ['shengli', '胜利社区'],
      ['zhenxing', '振兴社区'],
      ['xinghua', '兴华社区'],
      ['binjiang', '滨江社区'],
      ['dongping', '东平社区'],
      ['heping', '和平社区'],
    ],
  },
  {
    slug: 'xinxing',
    name: '新兴街道',
    communities: [
      ['bihai', '碧海社区'],
      ['xingang', '新港社区'],
      ['haibin', '海滨社区'],
      ['mingzhu', '明珠社区'],
      ['xinggang', '兴港社区'],
      ['yangguang', '阳光社区'],
      ['jinhai', '金海社区'],
    ],
  },
  {
    slug: 'xincheng',
    name: '新城街道',
    communities: [
      ['gangbei', '港北社区'],
      ['gangwan', '港湾社区'],
      ['kangle', '康乐社区'],
      ['jinxiu', '锦绣社区'],
      ['gangnan', '港南社区'],
      ['fuqiang', '富强社区'],
    ],
  },
];

// prettier-ignore
const COMPOUND_PREFIXES = [
  '鼎林', '锦江', '滨海', '金港', '翠苑', '丽景', '御景', '港城', '祥和', '盛世', '东方', '和谐',
  '银河', '海韵', '枫林', '紫荆', '春晖', '龙湾', '星海', '江景', '泰和', '嘉禾', '瑞祥', '宏远',
  '怡景', '润泽', '天润', '碧水', '望海', '江畔', '港湾', '新港', '书香', '阳光', '绿洲', '明珠',
];
const COMPOUND_SUFFIXES = ['花园', '华庭', '家园', '小区', '公馆', '雅苑', '嘉园', '名苑', '新村'];

// prettier-ignore
const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['林', 'lin'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['韩', 'han'],
  ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['于', 'yu'], ['董', 'dong'], ['姜', 'jiang'],
];
// prettier-ignore
const GIVEN_NAMES: [string, string][] = [
  ['建国', 'jianguo'], ['丽娟', 'lijuan'], ['志强', 'zhiqiang'], ['海燕', 'haiyan'], ['晓东', 'xiaodong'],
  ['春梅', 'chunmei'], ['国华', 'guohua'], ['秀英', 'xiuying'], ['立军', 'lijun'], ['红霞', 'hongxia'],
  ['文博', 'wenbo'], ['淑珍', 'shuzhen'], ['振宇', 'zhenyu'], ['雪梅', 'xuemei'], ['德明', 'deming'],
  ['玉兰', 'yulan'], ['宏伟', 'hongwei'], ['桂芳', 'guifang'], ['永刚', 'yonggang'], ['晓丽', 'xiaoli'],
  ['海涛', 'haitao'], ['凤霞', 'fengxia'], ['世杰', 'shijie'], ['亚楠', 'yanan'], ['长青', 'changqing'],
  ['美玲', 'meiling'], ['广义', 'guangyi'], ['素梅', 'sumei'], ['庆春', 'qingchun'], ['丹', 'dan'],
];

/** A small seeded generator (mulberry32): the same tree every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo tree, parents before children: 1 city, 3 streets, 21 communities, 3–6 compounds each. */
export function demoDonggangUnits(): DemoUnit[] {
  const random = seededRandom(20191219);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const usedEmails = new Set<string>();
  let phone = 0;
  const convener = () => {
    const [surname, surnamePinyin] = pick(SURNAMES);
    const [given, givenPinyin] = pick(GIVEN_NAMES);
    let email = `${surnamePinyin}.${givenPinyin}@example.org`;
    for (let n = 2; usedEmails.has(email); n++) email = `${surnamePinyin}.${givenPinyin}${n}@example.org`;
    usedEmails.add(email);
    return {
      convenerName: `${surname}${given}${DEMO_MARK}`,
      convenerEmail: email,
      convenerPhone: `0415-000-${String(++phone).padStart(4, '0')}`,
    };
  };
  const usedCompounds = new Set<string>();
  const compoundName = () => {
    for (;;) {
      const name = pick(COMPOUND_PREFIXES) + pick(COMPOUND_SUFFIXES);
      if (!usedCompounds.has(name)) {
        usedCompounds.add(name);
        return name;
      }
    }
  };

  const city: DemoUnit = { code: 'demo-donggang', name: '东港市', level: 'city', ...convener() };
  const units: DemoUnit[] = [city];
  for (const street of STREETS) {
    const streetCode = `demo-${street.slug}`;
    units.push({ code: streetCode, name: street.name, level: 'street', parentCode: city.code, ...convener() });
    for (const [slug, name] of street.communities) {
      const communityCode = `${streetCode}-${slug}`;
      units.push({ code: communityCode, name, level: 'community', parentCode: streetCode, ...convener() });
      const compounds = 3 + Math.floor(random() * 4);
      for (let i = 1; i <= compounds; i++) {
        // The report names Haiou Garden, in Bihai community.
        const compound = slug === 'bihai' && i === 1 ? '海鸥花园' : compoundName();
        units.push({
          code: `${communityCode}-${String(i).padStart(2, '0')}`,
          name: compound,
          level: 'compound',
          parentCode: communityCode,
          ...convener(),
        });
      }
    }
  }
  return units;
}

const CSV_COLUMNS: ImportField[] = IMPORT_FIELDS.filter((f) => f !== 'locale' && f !== 'webhookUrl');

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The demo tree as a CSV a Chinese Excel opens correctly: UTF-8 with a BOM, Chinese headers and levels. */
export function demoDonggangCsv(units = demoDonggangUnits()): string {
  const header = CSV_COLUMNS.map((f) => HEADER_ALIASES[f][1]!);
  const lines = units.map((u) =>
    CSV_COLUMNS.map((f) => (f === 'level' ? LEVEL_NAMES_ZH[u.level] : (u[f as keyof DemoUnit] ?? ''))).map(csvCell),
  );
  return '\ufeff' + [header, ...lines].map((cells) => cells.join(',')).join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      'api-key': { type: 'string' },
      write: { type: 'boolean' },
      'no-serving': { type: 'boolean' },
    },
  });
  const units = demoDonggangUnits();
  const csv = demoDonggangCsv(units);
  const count = (level: UnitLevel) => units.filter((u) => u.level === level).length;
  process.stderr.write(DEMO_NOTICE);
  process.stderr.write(
    `示例数据 Demo data: ${units.length} units — 1 city, ${count('street')} streets, ${count('community')} communities, ${count('compound')} compounds\n`,
  );
  if (values.write) {
    fs.mkdirSync(path.dirname(DEMO_CSV_PATH), { recursive: true });
    fs.writeFileSync(DEMO_CSV_PATH, csv);
    process.stderr.write(`已写入 Written: ${path.relative(process.cwd(), DEMO_CSV_PATH)}\n`);
    for (const file of writeDemoServingCsv())
      process.stderr.write(`已写入 Written: ${path.relative(process.cwd(), file)}\n`);
    return;
  }
  const apiUrl = apiUrlFrom(values.api);
  process.stderr.write(`导入 Importing → ${apiUrl}\n`);
  const auth = await cliAuth(apiUrl, values['api-key']);
  printSummary(await postImport(apiUrl, Buffer.from(csv), 'text/csv; charset=utf-8', progressPrinter(), auth));
  if (!values['no-serving']) {
    process.stderr.write('在职党员双报到示例 The third entry’s demo: employers, members, needs, services\n');
    await seedServingDemo(apiUrl, auth, (line) => process.stderr.write(`${line}\n`));
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    printFailure(err);
    process.exit(1);
  });
}
