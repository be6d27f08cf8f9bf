/** The town's power list of 2015: district approval items delegated to the town (15) and public service items (29), with what the lists say about each. */
import type { PowerListItemRecord, PowerListRecord } from '../office/power-list-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { DEPT, TOWN } from './demo-organizations.js';

/** 调整至镇办理的区级行政审批事项 (15). */
export const DELEGATED_APPROVAL_ITEMS = [
  '农村村民住宅建设用地审核',
  '乡村建设规划许可证核发（农村村民住宅）',
  '临时占用镇村道路审核',
  '镇区户外广告设置审核',
  '再生育一个子女审批',
  '流动人口婚育证明核验',
  '农村五保供养对象审批',
  '城乡居民最低生活保障对象审核',
  '临时救助审批',
  '农村公益性公墓建设审核',
  '林木采伐许可初审',
  '小型养殖场动物防疫条件审查',
  '村集体经济组织资产处置审核',
  '民办幼儿园设立初审',
  '农药经营许可初审',
];

/** 公共服务事项 (29). */
export const PUBLIC_SERVICE_ITEMS = [
  '城乡居民养老保险参保登记',
  '城乡居民医疗保险参保登记',
  '独生子女父母奖励扶助申报',
  '计划生育家庭特别扶助申报',
  '残疾人两项补贴申请',
  '高龄老人生活补贴申请',
  '城乡居民最低生活保障申请受理',
  '临时救助申请受理',
  '医疗救助申请受理',
  '优抚对象抚恤补助发放',
  '义务兵家庭优待金发放',
  '就业失业登记',
  '就业援助',
  '农民工工资拖欠投诉受理',
  '劳动保障监察举报受理',
  '老年人优待证办理',
  '生育服务证办理',
  '流动人口婚育证明办理',
  '农村危房改造补助申请',
  '农业技术咨询服务',
  '农作物病虫害防治指导',
  '动物防疫服务',
  '农家书屋借阅服务',
  '公共文化活动场所开放',
  '法律援助申请转交',
  '人民调解',
  '政府信息公开申请受理',
  '村务公开监督受理',
  '安全生产举报受理',
];

/** A numbered list as printed in a directory document. */
export function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** What the town publishes about each delegated approval item: handling office, legal basis (设定依据), statutory and promised time limits in working days, fee in 元 (null: free). */
const APPROVAL_DETAILS: Record<string, [office: keyof typeof DEPT, basis: string, statutory: number | null, promised: number, fee: string | null]> = {
  农村村民住宅建设用地审核: ['planning', '《中华人民共和国土地管理法》第六十二条', 20, 10, null],
  '乡村建设规划许可证核发（农村村民住宅）': ['planning', '《中华人民共和国城乡规划法》第四十一条', 20, 10, null],
  临时占用镇村道路审核: ['planning', '《公路法》第四十四条；《福建省农村公路管理办法》', 20, 7, null],
  镇区户外广告设置审核: ['planning', '《厦门市户外广告设置管理办法》', 20, 10, null],
  再生育一个子女审批: ['social', '《福建省人口与计划生育条例》第十条', 30, 15, null],
  流动人口婚育证明核验: ['social', '《流动人口计划生育工作条例》第八条', null, 1, null],
  农村五保供养对象审批: ['social', '《农村五保供养工作条例》第七条', 20, 15, null],
  城乡居民最低生活保障对象审核: ['social', '《社会救助暂行办法》第十一条', 30, 20, null],
  临时救助审批: ['social', '《社会救助暂行办法》第四十八条', 15, 7, null],
  农村公益性公墓建设审核: ['social', '《殡葬管理条例》第八条', 20, 15, null],
  林木采伐许可初审: ['agriculture', '《中华人民共和国森林法》第三十二条', 20, 10, null],
  小型养殖场动物防疫条件审查: ['agriculture', '《中华人民共和国动物防疫法》第二十条', 20, 10, null],
  村集体经济组织资产处置审核: ['economy', '《福建省村集体经济组织资产管理办法》', 20, 10, null],
  民办幼儿园设立初审: ['culture', '《中华人民共和国民办教育促进法》第十二条', 30, 20, null],
  农药经营许可初审: ['agriculture', '《农药管理条例》第二十四条', 20, 15, '0.00'],
};

/** Handling office and legal basis of public service items, by a word of their name; the rest are the office's. */
const SERVICE_RULES: Array<[word: string, office: keyof typeof DEPT, basis: string]> = [
  ['保险', 'social', '《中华人民共和国社会保险法》'],
  ['救助', 'social', '《社会救助暂行办法》'],
  ['补贴', 'social', '《福建省老年人权益保障条例》'],
  ['扶助', 'social', '《福建省人口与计划生育条例》'],
  ['生育', 'social', '《福建省人口与计划生育条例》'],
  ['婚育', 'social', '《流动人口计划生育工作条例》'],
  ['优抚', 'social', '《军人抚恤优待条例》'],
  ['义务兵', 'social', '《军人抚恤优待条例》'],
  ['就业', 'social', '《中华人民共和国就业促进法》'],
  ['劳动', 'social', '《劳动保障监察条例》'],
  ['工资', 'social', '《劳动保障监察条例》'],
  ['老年人', 'social', '《中华人民共和国老年人权益保障法》'],
  ['危房', 'planning', '《农村危房改造补助资金管理办法》'],
  ['农', 'agriculture', '《中华人民共和国农业技术推广法》'],
  ['动物', 'agriculture', '《中华人民共和国动物防疫法》'],
  ['书屋', 'culture', '《公共文化服务保障法》'],
  ['文化', 'culture', '《公共文化服务保障法》'],
  ['法律', 'order', '《法律援助条例》'],
  ['调解', 'order', '《中华人民共和国人民调解法》'],
  ['信息公开', 'office', '《中华人民共和国政府信息公开条例》'],
  ['村务', 'office', '《中华人民共和国村民委员会组织法》第三十条'],
  ['安全生产', 'safety', '《中华人民共和国安全生产法》'],
];

/** The day the district's approval items were delegated to the town (三报三审三回 completed). */
export const DELEGATION_DAY = '2015-03-20';
const LIST_DAY = '2015-03-27';

/** The two published lists, their items and their publications. */
export function demoPowerLists(): { lists: PowerListRecord[]; items: PowerListItemRecord[]; publications: Publication[] } {
  const approvalList = 'plist-2015-approval';
  const serviceList = 'plist-2015-service';
  const items: PowerListItemRecord[] = [
    ...DELEGATED_APPROVAL_ITEMS.map((name, i): PowerListItemRecord => {
      const [office, legalBasis, statutory, promised, fee] = APPROVAL_DETAILS[name]!;
      return {
        id: `pli-2015-approval-${String(i + 1).padStart(2, '0')}`, listId: approvalList, sequence: i + 1, kind: 'ADMINISTRATIVE_APPROVAL', name, legalBasis,
        handlingOrganizationId: DEPT[office], delegatedFromDistrict: true, delegatedOn: DELEGATION_DAY,
        statutoryTimeLimitDays: statutory, promisedTimeLimitDays: promised,
        fee: fee === null ? { charged: false, amount: null, basis: null } : { charged: true, amount: fee, basis: '《农药管理条例》；厦发改收费〔2015〕5号（初审环节不收费，按0元公示）' },
      };
    }),
    ...PUBLIC_SERVICE_ITEMS.map((name, i): PowerListItemRecord => {
      const [, office, legalBasis] = SERVICE_RULES.find(([word]) => name.includes(word)) ?? ['', 'office', '《厦门市翔安区公共服务事项目录》'];
      return {
        id: `pli-2015-service-${String(i + 1).padStart(2, '0')}`, listId: serviceList, sequence: i + 1, kind: 'PUBLIC_SERVICE', name, legalBasis,
        handlingOrganizationId: DEPT[office], delegatedFromDistrict: false, delegatedOn: null,
        statutoryTimeLimitDays: null, promisedTimeLimitDays: name.includes('受理') ? 1 : 5, fee: { charged: false, amount: null, basis: null },
      };
    }),
  ];
  const lists: PowerListRecord[] = [
    { id: approvalList, body: '经“三报三审三回”，调整至镇办理的区级行政审批事项共15项，自2015年3月20日起由镇便民服务中心受理。' },
    { id: serviceList, body: '内厝镇公共服务事项共29项，在镇便民服务中心和各村便民服务站办理。' },
  ];
  const publications: Publication[] = [
    { id: approvalList, kind: 'PowerList', title: '内厝镇行政审批事项目录清单（区级调整至镇办理15项）', category: 'ADMINISTRATIVE_APPROVAL_LIST', organizationId: TOWN, publishedAt: chinaTime(LIST_DAY, '10:00'), channels: ['DISTRICT_PORTAL'], text: `${lists[0]!.body}\n${numbered(DELEGATED_APPROVAL_ITEMS)}` },
    { id: serviceList, kind: 'PowerList', title: '内厝镇公共服务事项目录清单（29项）', category: 'PUBLIC_SERVICE_LIST', organizationId: TOWN, publishedAt: chinaTime(LIST_DAY, '10:00'), channels: ['DISTRICT_PORTAL'], text: `${lists[1]!.body}\n${numbered(PUBLIC_SERVICE_ITEMS)}` },
  ];
  return { lists, items, publications };
}
