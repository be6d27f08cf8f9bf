/**
 * The demo's broadcasts, reading points and deliveries. The SMS platform's
 * messages sent from January to the report (26 November 2015) add up to the
 * report's 19,073; bulletin board postings count one per board.
 */
import type { BroadcastRecord, DeliveryRecord, ReadingPointRecord, RecordRef } from '../office/broadcast-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { DEPT } from './demo-organizations.js';

/** Messages the SMS platform sent in 2015 up to the report, as the report states. */
export const SMS_MESSAGES_2015 = 19_073;

const land = (n: number): RecordRef => ({ kind: 'LandRequisitionNotice', id: `land-2015-00${n}` });
const allocation = (n: number): RecordRef => ({ kind: 'FundAllocation', id: `alloc-2015-${String(n).padStart(3, '0')}` });
const policy = (id: string): RecordRef => ({ kind: 'PolicyDocument', id });
const notice = (n: number): RecordRef => ({ kind: 'PortalArticle', id: `portal-2015-notices-${String(n).padStart(2, '0')}` });
const document = (n: number): RecordRef => ({ kind: 'PublishedDocument', id: `doc-2015-${String(n).padStart(3, '0')}` });

type Row = [day: string, time: string, title: string, content: string, announced: RecordRef[], count: number | null];

/** SMS broadcasts; the one count left null makes the total come out at the report's figure. */
const SMS: Row[] = [
  ['2015-01-20', '09:00', '春节前安全生产提醒', '【内厝镇】春节将至，请各企业落实安全生产主体责任，做好隐患排查。', [], 612],
  ['2015-02-12', '16:00', '春节假期值班安排', '【内厝镇】春节假期实行24小时值班，值班电话保持畅通。', [notice(1)], 845],
  ['2015-03-20', '10:00', '行政审批事项调整至镇办理', '【内厝镇】15项区级行政审批事项自3月20日起在镇便民服务中心办理。', [], 1240],
  ['2015-03-30', '15:00', '莲塘村征地信息公告', '【内厝镇】莲塘村征地信息公告已在村务公开栏和镇网站公布，请被征地村民查看。', [land(1)], 1832],
  ['2015-04-30', '10:00', '2015年征兵工作', '【内厝镇】2015年征兵工作开始，适龄青年请到镇武装部报名。', [notice(3)], 1105],
  ['2015-05-12', '16:00', '莲塘村征地补偿款拨付', '【内厝镇】莲塘村征地补偿款1286450.00元已拨付，详见村务公开栏。', [allocation(81), land(1)], 1524],
  ['2015-05-29', '16:00', '6月2日停电检修', '【内厝镇】6月2日8:00至17:00内厝村、许厝村部分区域停电。', [notice(4)], 986],
  ['2015-06-30', '15:00', '官路村征收补偿方案公示', '【内厝镇】官路村土地房屋征收补偿方案公示，公示期10天。', [land(2)], 1376],
  ['2015-07-14', '16:00', '官路村征地补偿款拨付', '【内厝镇】官路村征地补偿款863200.50元已拨付，详见村务公开栏。', [allocation(82), land(2)], 1218],
  ['2015-07-21', '09:00', '征地拆迁工作实施办法发布', '【内厝镇】《内厝镇征地拆迁工作实施办法》已发布，解读见镇网站。', [policy('policy-2015-033')], 1460],
  ['2015-08-06', '11:00', '防御台风“苏迪罗”紧急通知', '【内厝镇】台风“苏迪罗”将正面登陆，请立即做好防御，危房人员立即转移。', [document(23)], 2310],
  ['2015-08-10', '09:00', '台风灾后防疫', '【内厝镇】请做好灾后环境消杀和饮用水卫生。', [notice(6)], 1208],
  ['2015-09-08', '16:00', '内厝村征地补偿款拨付', '【内厝镇】内厝村征地补偿款541088.00元已拨付，详见村务公开栏。', [allocation(83)], 904],
  ['2015-09-25', '16:00', '中秋国庆放假安排', '【内厝镇】中秋节9月27日放假，国庆节10月1日至7日放假，10月10日上班。', [notice(7)], 733],
  ['2015-11-02', '10:00', '农村危房改造补助对象公示', '【内厝镇】2015年农村危房改造补助对象名单已公示。', [document(14)], null],
];

/** Postings on the town's board (one board) and on the eight village boards. */
const BOARDS: Array<[channel: 'GOVERNMENT_BULLETIN_BOARD' | 'VILLAGE_BULLETIN_BOARD', day: string, title: string, announced: RecordRef[]]> = [
  ['VILLAGE_BULLETIN_BOARD', '2015-03-31', '莲塘村征地信息公告张贴', [land(1)]],
  ['VILLAGE_BULLETIN_BOARD', '2015-07-01', '官路村征收补偿方案张贴', [land(2)]],
  ['VILLAGE_BULLETIN_BOARD', '2015-09-21', '第三季度村级组织运转经费下拨情况张贴', [allocation(17), allocation(18), allocation(19), allocation(20), allocation(21), allocation(22), allocation(23), allocation(24)]],
  ['GOVERNMENT_BULLETIN_BOARD', '2015-03-19', '《内厝镇公务接待管理办法》张贴', [policy('policy-2015-015')]],
  ['GOVERNMENT_BULLETIN_BOARD', '2015-07-21', '《内厝镇征地拆迁工作实施办法》张贴', [policy('policy-2015-033')]],
];

/** How many boards a posting reaches. */
const BOARD_COUNT = { GOVERNMENT_BULLETIN_BOARD: 1, VILLAGE_BULLETIN_BOARD: 8 } as const;

const READING_POINTS: ReadingPointRecord[] = [
  { id: 'rp-xiangan-library', name: '翔安区图书馆政府信息公开查阅点', type: 'LIBRARY', address: '厦门市翔安区图书馆一楼服务台', openingHours: '周二至周日 9:00–17:00（周一闭馆）', phone: null },
  { id: 'rp-xiangan-archives', name: '翔安区档案馆政府信息公开查阅点', type: 'ARCHIVES', address: '厦门市翔安区档案馆查阅大厅', openingHours: '周一至周五 8:00–12:00，14:30–17:30（法定节假日除外）', phone: null },
  { id: 'rp-neicuo-service-center', name: '内厝镇便民服务中心政府信息公开查阅点', type: 'SERVICE_CENTER', address: '厦门市翔安区内厝镇人民政府一楼便民服务中心', openingHours: '周一至周五 8:00–12:00，14:30–17:30', phone: null },
];

type DeliveryRow = [readingPointId: string, day: string, description: string, copies: number, records: RecordRef[]];

const DELIVERIES: DeliveryRow[] = [
  ['rp-xiangan-library', '2015-04-10', '2015年第一季度主动公开政策文件及行政审批、公共服务事项目录清单', 2, [policy('policy-2015-008'), policy('policy-2015-015'), { kind: 'PowerList', id: 'plist-2015-approval' }, { kind: 'PowerList', id: 'plist-2015-service' }]],
  ['rp-xiangan-archives', '2015-04-10', '2015年第一季度主动公开政策文件及目录清单（存档）', 1, [policy('policy-2015-008'), policy('policy-2015-015'), { kind: 'PowerList', id: 'plist-2015-approval' }, { kind: 'PowerList', id: 'plist-2015-service' }]],
  ['rp-xiangan-library', '2015-07-24', '2015年第二季度主动公开政策文件', 2, [policy('policy-2015-021'), policy('policy-2015-033')]],
  ['rp-xiangan-archives', '2015-07-24', '2015年第二季度主动公开政策文件（存档）', 1, [policy('policy-2015-021'), policy('policy-2015-033')]],
  ['rp-neicuo-service-center', '2015-07-24', '征地拆迁政策及补偿标准', 20, [policy('policy-2015-033'), land(1), land(2)]],
  ['rp-xiangan-library', '2015-11-18', '2015年第三季度主动公开政策文件', 2, [policy('policy-2015-040')]],
  ['rp-xiangan-archives', '2015-11-18', '2015年第三季度主动公开政策文件（存档）', 1, [policy('policy-2015-040')]],
];

/** Broadcasts, reading points, deliveries and the broadcasts' publications. */
export function demoBroadcasts(): { broadcasts: BroadcastRecord[]; readingPoints: ReadingPointRecord[]; deliveries: DeliveryRecord[]; publications: Publication[] } {
  const counted = SMS.reduce((sum, row) => sum + (row[5] ?? 0), 0);
  const broadcasts: BroadcastRecord[] = [];
  const publications: Publication[] = [];
  const add = (channel: BroadcastRecord['channel'], day: string, time: string, title: string, content: string, announced: RecordRef[], messageCount: number) => {
    const id = `bc-2015-${String(broadcasts.length + 1).padStart(3, '0')}`;
    const sentAt = chinaTime(day, time);
    broadcasts.push({ id, channel, sentAt, messageCount, content, announced });
    const where = channel === 'SMS_PLATFORM' ? '短信平台' : channel === 'GOVERNMENT_BULLETIN_BOARD' ? '镇政务公开栏' : '村务公开栏';
    publications.push({ id, kind: 'Broadcast', title: `${where}：${title}`, category: 'BROADCASTS', organizationId: DEPT.office, publishedAt: sentAt, channels: [channel], text: content });
  };
  for (const [day, time, title, content, announced, count] of SMS) add('SMS_PLATFORM', day, time, title, content, announced, count ?? SMS_MESSAGES_2015 - counted);
  for (const [channel, day, title, announced] of BOARDS) add(channel, day, '11:00', title, `${title}（${BOARD_COUNT[channel]}处公开栏）`, announced, BOARD_COUNT[channel]);
  const deliveries = DELIVERIES.map(([readingPointId, deliveredOn, description, copies, records], i): DeliveryRecord => ({
    id: `delivery-2015-${String(i + 1).padStart(2, '0')}`,
    readingPointId,
    deliveredOn,
    description,
    copies,
    records,
  }));
  return { broadcasts, readingPoints: READING_POINTS, deliveries, publications };
}
