/** The documents the office publishes itself in the demo: the counts per category for January–November 2015 match the town's report. */
import type { CategoryCode, ChannelCode } from '../catalog/catalog-entry.js';
import type { PublishedDocumentRecord, PublishedDocumentType } from '../office/office-records.js';
import { PORTAL_COLUMNS, type PortalColumnCode } from '../office/portal-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { LAND_NOTICE_TITLES } from './demo-office-land.js';
import { DEPT, TOWN } from './demo-organizations.js';
import { DELEGATED_APPROVAL_ITEMS, numbered, PUBLIC_SERVICE_ITEMS } from './demo-power-list.js';

type Row = [day: string, category: CategoryCode, type: PublishedDocumentType, organizationId: string, title: string, body: string, documentNumber?: string];

const ROWS: Row[] = [
  // 政策及规范性文件 (5)
  ['2015-02-16', 'POLICY_DOCUMENTS', 'POLICY', TOWN, '内厝镇人民政府关于印发《内厝镇2015年政府信息公开工作要点》的通知', '根据《厦门市翔安区人民政府办公室关于印发2015年政府信息公开工作主要任务分解表的通知》（厦翔政办【2015】77号）要求，结合我镇实际，制定本工作要点，明确行政权力清单、财政资金、公共资源配置等重点领域信息公开任务。', '内政〔2015〕8号'],
  ['2015-03-18', 'POLICY_DOCUMENTS', 'POLICY', TOWN, '内厝镇公务接待管理办法', '为规范公务接待行为，厉行节约，制定本办法。公务接待实行审批制度，严格接待范围和标准，公务接待费按月在镇政务公开栏公开，接受群众监督。', '内政〔2015〕15号'],
  ['2015-05-06', 'POLICY_DOCUMENTS', 'POLICY', TOWN, '内厝镇村级财务管理规定', '村级组织运转经费、环境卫生整治补助等下拨资金实行专户管理，村务公开栏每月公开收支情况，镇财政所负责监督检查。', '内政〔2015〕21号'],
  ['2015-07-20', 'POLICY_DOCUMENTS', 'POLICY', TOWN, '内厝镇征地拆迁工作实施办法', '规范征地拆迁工作程序，征地信息、补偿标准、补偿款拨付情况通过镇短信平台、村务公开栏及时公开，保障被征地群众的知情权、参与权和监督权。', '内政〔2015〕33号'],
  ['2015-09-15', 'POLICY_DOCUMENTS', 'POLICY', TOWN, '内厝镇安全生产责任制实施细则', '明确镇、村、企业三级安全生产责任，实行“党政同责、一岗双责、失职追责”，建立安全生产隐患排查治理台账。', '内政〔2015〕40号'],
  // 社会公益事业建设 (5)
  ['2015-01-28', 'PUBLIC_WELFARE', 'NOTICE', DEPT.social, '内厝镇2015年第一季度城乡低保对象名单公示', '经村民代表评议、镇审核，现将2015年第一季度城乡居民最低生活保障对象名单予以公示，公示期7天，如有异议请向镇社会事务办反映。'],
  ['2015-04-08', 'PUBLIC_WELFARE', 'NOTICE', DEPT.social, '内厝镇2015年第一季度医疗救助情况公示', '2015年第一季度全镇共办理医疗救助23人次，发放救助金额86420元，现予公示。'],
  ['2015-06-18', 'PUBLIC_WELFARE', 'NOTICE', DEPT.social, '内厝镇2015年残疾人两项补贴发放情况公示', '根据困难残疾人生活补贴和重度残疾人护理补贴制度，现将2015年上半年补贴发放情况予以公示。'],
  ['2015-08-25', 'PUBLIC_WELFARE', 'WORK_REPORT', DEPT.social, '内厝镇敬老院改造提升项目进展情况', '镇敬老院改造提升项目已完成主体施工，新增床位20张，预计年底投入使用。'],
  ['2015-10-20', 'PUBLIC_WELFARE', 'NOTICE', DEPT.social, '内厝镇2015年高龄老人生活补贴发放名单公示', '现将2015年度80周岁以上高龄老人生活补贴发放名单予以公示。'],
  // 统筹城乡事业发展 (4)
  ['2015-03-30', 'URBAN_RURAL_DEVELOPMENT', 'NOTICE', DEPT.planning, '内厝镇莲塘村征地信息公告', '因翔安区重点项目建设需要，拟征收莲塘村集体土地，现将征地范围、面积、补偿标准和安置途径予以公告。'],
  ['2015-06-30', 'URBAN_RURAL_DEVELOPMENT', 'NOTICE', DEPT.planning, '内厝镇官路村土地房屋征收补偿方案公示', '现将官路村土地房屋征收补偿方案予以公示，征收补偿标准按厦门市有关规定执行，公示期间群众可向镇规建办提出意见。'],
  ['2015-08-31', 'URBAN_RURAL_DEVELOPMENT', 'WORK_REPORT', DEPT.planning, '内厝镇美丽乡村建设工作推进情况', '许厝村、莲塘村美丽乡村建设完成立面改造和景观提升，村庄环境明显改善。'],
  ['2015-11-02', 'URBAN_RURAL_DEVELOPMENT', 'NOTICE', DEPT.planning, '内厝镇2015年农村危房改造补助对象公示', '经村委会评议、镇审核，确定2015年农村危房改造补助对象12户，现予公示。'],
  // 科教文卫事业建设 (5)
  ['2015-02-26', 'SCIENCE_EDUCATION_CULTURE_HEALTH', 'NOTICE', DEPT.culture, '内厝镇2015年春季学期义务教育阶段招生工作通知', '做好2015年春季学期适龄儿童入学工作，确保义务教育阶段适龄儿童少年应入尽入。'],
  ['2015-05-27', 'SCIENCE_EDUCATION_CULTURE_HEALTH', 'WORK_REPORT', DEPT.culture, '内厝镇农家书屋图书更新情况', '2015年为全镇8个村农家书屋更新图书1600册，开展阅读推广活动12场。'],
  ['2015-07-15', 'SCIENCE_EDUCATION_CULTURE_HEALTH', 'WORK_REPORT', DEPT.culture, '内厝镇开展“送戏下乡”文化惠民活动', '组织高甲戏、歌仔戏剧团到各村巡回演出16场，丰富群众文化生活。'],
  ['2015-09-10', 'SCIENCE_EDUCATION_CULTURE_HEALTH', 'NOTICE', DEPT.culture, '内厝镇卫生院开展65岁以上老年人免费健康体检的通知', '镇卫生院为辖区65岁以上常住老年人提供免费健康体检服务。'],
  ['2015-10-09', 'SCIENCE_EDUCATION_CULTURE_HEALTH', 'NOTICE', DEPT.culture, '关于做好登革热防控工作的通知', '各村开展爱国卫生运动，清除积水和蚊虫孳生地，做好登革热防控宣传。'],
  // 安全生产应急管理 (5)
  ['2015-02-09', 'WORK_SAFETY_EMERGENCY', 'WORK_REPORT', DEPT.safety, '内厝镇2015年安全生产工作要点', '围绕“隐患排查治理”主线，加强重点行业领域安全监管，坚决遏制较大以上安全事故。'],
  ['2015-05-13', 'WORK_SAFETY_EMERGENCY', 'POLICY', DEPT.safety, '内厝镇防台风应急预案（2015年修订）', '明确防台风组织指挥体系、预警响应、人员转移和灾后恢复工作程序。'],
  ['2015-06-03', 'WORK_SAFETY_EMERGENCY', 'NOTICE', DEPT.safety, '关于开展2015年“安全生产月”活动的通知', '以“加强安全法治、保障安全生产”为主题，在全镇开展安全生产月活动。'],
  ['2015-08-06', 'WORK_SAFETY_EMERGENCY', 'NOTICE', DEPT.safety, '关于做好第13号台风“苏迪罗”防御工作的紧急通知', '各村、各部门立即进入防台风应急状态，做好危房人员转移和值班值守。'],
  ['2015-11-05', 'WORK_SAFETY_EMERGENCY', 'NOTICE', DEPT.agriculture, '关于做好2015年冬春季森林防火工作的通知', '进入森林防火高火险期，严禁野外用火，各村落实护林员巡查制度。'],
  // 行政审批目录清单 (1), 公共服务事项目录清单 (1)
  ['2015-03-27', 'ADMINISTRATIVE_APPROVAL_LIST', 'DIRECTORY_LIST', TOWN, '内厝镇行政审批事项目录清单（区级调整至镇办理15项）', `经“三报三审三回”，调整至镇办理的区级行政审批事项共15项：\n${numbered(DELEGATED_APPROVAL_ITEMS)}`],
  ['2015-03-27', 'PUBLIC_SERVICE_LIST', 'DIRECTORY_LIST', TOWN, '内厝镇公共服务事项目录清单（29项）', `内厝镇公共服务事项共29项：\n${numbered(PUBLIC_SERVICE_ITEMS)}`],
  // 通知通告 (8 to November, 1 in December)
  ['2015-02-12', 'NOTICES', 'NOTICE', DEPT.office, '关于2015年春节假期值班安排的通知', '春节假期实行24小时值班制度，值班电话保持畅通，遇重大情况及时报告。'],
  ['2015-03-25', 'NOTICES', 'NOTICE', DEPT.social, '关于开展2015年城乡居民养老保险参保缴费工作的通知', '请各村组织符合条件的城乡居民按时参保缴费。'],
  ['2015-04-30', 'NOTICES', 'NOTICE', DEPT.office, '内厝镇2015年征兵工作通告', '2015年征兵工作开始，符合条件的适龄青年请到镇武装部报名。'],
  ['2015-05-29', 'NOTICES', 'NOTICE', DEPT.office, '关于6月2日部分村停电检修的通知', '因线路检修，6月2日8:00至17:00内厝村、许厝村部分区域停电。'],
  ['2015-06-26', 'NOTICES', 'NOTICE', DEPT.planning, '关于开展农村宅基地清理工作的通告', '对全镇农村宅基地使用情况进行清理登记，请村民配合。'],
  ['2015-08-10', 'NOTICES', 'NOTICE', DEPT.culture, '关于做好台风“苏迪罗”灾后卫生防疫工作的通知', '各村做好灾后环境消杀和饮用水卫生，防止灾后疫情发生。'],
  ['2015-09-25', 'NOTICES', 'NOTICE', DEPT.office, '关于2015年中秋节、国庆节放假安排的通知', '中秋节9月27日放假1天，国庆节10月1日至7日放假调休共7天，10月10日（星期六）上班。'],
  ['2015-11-16', 'NOTICES', 'NOTICE', DEPT.social, '关于开展2016年度城乡居民医疗保险参保登记的通知', '2016年度城乡居民医疗保险参保登记即日开始，至12月31日截止。'],
  ['2015-12-18', 'NOTICES', 'NOTICE', DEPT.office, '关于2016年元旦假期值班安排的通知', '元旦假期实行领导带班和24小时值班制度。'],
  // 图片新闻 (9)
  ['2015-01-30', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.culture, '图片新闻：内厝镇“迎新春”文艺汇演', '春节前夕，内厝镇举办“迎新春”文艺汇演，村民自编自演节目20余个。'],
  ['2015-03-06', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.social, '图片新闻：巾帼志愿者走进敬老院', '“三八”妇女节前夕，镇巾帼志愿者走进敬老院开展志愿服务。'],
  ['2015-04-03', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.office, '图片新闻：清明节文明祭扫宣传', '镇村干部在各主要路口开展文明祭扫和森林防火宣传。'],
  ['2015-05-20', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.planning, '图片新闻：莲塘村美丽乡村建设现场', '莲塘村美丽乡村建设立面改造施工现场。'],
  ['2015-06-16', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.safety, '图片新闻：“安全生产月”宣传咨询日', '安全生产月宣传咨询日活动现场，发放宣传资料3000余份。'],
  ['2015-08-11', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.safety, '图片新闻：“苏迪罗”台风过后清障现场', '台风过后，镇村干部和民兵应急分队连夜清理倒伏树木。'],
  ['2015-09-22', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.culture, '图片新闻：官路村文化活动中心落成', '官路村文化活动中心修缮完成并投入使用。'],
  ['2015-10-21', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.social, '图片新闻：重阳节敬老宴', '重阳节，内厝镇为全镇80岁以上老人举办敬老宴。'],
  ['2015-11-09', 'PHOTO_NEWS', 'PHOTO_NEWS', DEPT.office, '图片新闻：冬季征兵体检现场', '内厝镇应征青年在区征兵体检站参加体检。'],
];

const WORK_NEWS: Array<[day: string, title: string, body: string]> = [
  ['2015-01-09', '内厝镇召开2015年度工作部署会', '会议总结2014年工作，部署2015年经济社会发展重点任务。'],
  ['2015-01-23', '内厝镇开展春节前安全生产大检查', '检查组深入企业、人员密集场所开展安全隐患排查。'],
  ['2015-02-05', '内厝镇走访慰问困难群众和老党员', '镇领导班子分组走访慰问困难群众、老党员120户。'],
  ['2015-02-27', '内厝镇召开政府信息公开工作会议', '会议调整充实信息公开工作领导小组，落实“主要领导负总责、分管领导主抓、各有关部门配合”的工作机制。'],
  ['2015-03-09', '内厝镇开展“三八”妇女节系列活动', '镇妇联组织开展巾帼建功、维权宣传等系列活动。'],
  ['2015-03-20', '内厝镇完成行政权力事项梳理工作', '通过“三报三审三回”，完成镇行政权力事项和公共服务事项梳理，目录清单在区政府网站公布。'],
  ['2015-03-31', '内厝镇开展义务植树活动', '镇机关干部和村民在锄山村植树3000余株。'],
  ['2015-04-10', '内厝镇召开征地拆迁工作推进会', '会议部署莲塘村、官路村征地拆迁工作，要求征地信息及时公开。'],
  ['2015-04-24', '内厝镇开展食品安全宣传周活动', '在集市开展食品安全知识宣传，发放资料2000余份。'],
  ['2015-05-08', '内厝镇组织开展防汛应急演练', '演练模拟山洪灾害人员转移，检验应急预案可操作性。'],
  ['2015-05-22', '内厝镇推进美丽乡村建设', '许厝村、莲塘村美丽乡村建设项目全面开工。'],
  ['2015-06-05', '内厝镇开展“安全生产月”宣传咨询日活动', '活动现场设置咨询台，解答群众安全生产问题。'],
  ['2015-06-19', '内厝镇召开村务公开工作培训会', '培训各村村务公开栏更新、下拨资金和“三公”经费公开要求。'],
  ['2015-07-03', '内厝镇开展“七一”党员主题活动', '全镇党员重温入党誓词，开展志愿服务。'],
  ['2015-07-17', '内厝镇全力做好防台风准备工作', '镇防汛抗旱指挥部检查各村危房和山塘水库。'],
  ['2015-08-14', '内厝镇迅速开展“苏迪罗”台风灾后重建', '组织力量抢修道路、电力设施，帮助受灾群众恢复生产生活。'],
  ['2015-08-21', '内厝镇举办农村实用技术培训班', '邀请农技专家为种植户讲授蔬菜病虫害防治技术。'],
  ['2015-09-02', '内厝镇开展网格化管理走访活动', '依托“网格化管理”平台走村入户开展政策宣传，解决偏远山村信息获取“最后一公里”问题。'],
  ['2015-09-16', '内厝镇开展中秋国庆节前安全检查', '重点检查烟花爆竹经营、人员密集场所和道路交通安全。'],
  ['2015-09-30', '内厝镇召开土地房屋征收补偿政策宣讲会', '向官路村群众宣讲土地房屋征收补偿政策和补偿标准。'],
  ['2015-10-14', '内厝镇开展重阳节敬老活动', '为全镇80岁以上老人送去慰问品和祝福。'],
  ['2015-10-23', '内厝镇推进政府门户网站整改工作', '根据全国政府网站普查要求，邀请专业技术公司开展网站建设整改。'],
  ['2015-10-30', '内厝镇召开第三季度经济形势分析会', '分析前三季度经济运行情况，部署第四季度重点工作。'],
  ['2015-11-04', '内厝镇开展冬季森林防火宣传', '在各村主要路口悬挂森林防火标语，开展入户宣传。'],
  ['2015-11-11', '内厝镇组织收看全区政务公开工作视频会议', '镇机关各部门负责人收看会议，部署政务公开重点工作。'],
  ['2015-11-13', '内厝镇推进农村生活污水治理工程', '黄厝村、东寮村污水管网铺设完成80%。'],
  ['2015-11-18', '内厝镇将政府信息公开材料送达查阅点', '及时将信息公开材料送达区图书馆、档案馆等政府信息公开查阅点，提高公开查阅覆盖面。'],
  ['2015-11-24', '内厝镇开展“12·4”国家宪法日宣传准备工作', '制定宪法日宣传方案，组织普法志愿者进村入户。'],
];

const CHANNELS: Partial<Record<CategoryCode, ChannelCode[]>> = {
  POLICY_DOCUMENTS: ['TOWN_PORTAL', 'READING_POINT'],
  ADMINISTRATIVE_APPROVAL_LIST: ['DISTRICT_PORTAL'],
  PUBLIC_SERVICE_LIST: ['DISTRICT_PORTAL'],
  URBAN_RURAL_DEVELOPMENT: ['TOWN_PORTAL', 'VILLAGE_BULLETIN_BOARD', 'SMS_PLATFORM'],
};

/** Categories whose records now have kinds of their own (demo-office-*.ts); their rows stay here only to keep the other documents' ids. */
const HAS_OWN_KIND = new Set<CategoryCode>(['POLICY_DOCUMENTS', 'ADMINISTRATIVE_APPROVAL_LIST', 'PUBLIC_SERVICE_LIST', ...PORTAL_COLUMNS]);
/** Land notices of 统筹城乡事业发展, kept as LandRequisitionNotice records (demo-office-land.ts). */
const LAND_NOTICES = new Set<string>(LAND_NOTICE_TITLES);

function allRows(): Row[] {
  return [
    ...ROWS,
    ...WORK_NEWS.map(([day, title, body]): Row => ['' + day, 'WORK_NEWS', 'NEWS', TOWN, title, body]),
    ['2015-12-31', 'WORK_NEWS', 'NEWS', TOWN, '内厝镇召开2015年度政府信息公开工作总结会', '会议通报全年政府信息公开情况：镇短信平台累计发布信息19073条，主动公开目录信息及门户网站各栏目信息按期更新。'],
  ];
}

/** A publication time of a row: 10:00 China time, the year's closing meeting 16:30. */
export function rowPublishedAt(day: string): Date {
  return day === '2015-12-31' ? chinaTime(day, '16:30') : chinaTime(day, '10:00');
}

/** The rows of the portal columns (工作动态, 通知通告, 图片新闻), in the order written: [day, column, organization, title, body]. */
export function portalRows(): Array<[day: string, column: PortalColumnCode, organizationId: string, title: string, body: string]> {
  return allRows()
    .filter(([, category]) => (PORTAL_COLUMNS as readonly string[]).includes(category))
    .map(([day, category, , organizationId, title, body]) => [day, category as PortalColumnCode, organizationId, title, body]);
}

/** Published documents of the categories without a record kind of their own, and their publications. */
export function demoDocuments(): { documents: PublishedDocumentRecord[]; publications: Publication[] } {
  const documents: PublishedDocumentRecord[] = [];
  const publications: Publication[] = [];
  allRows().forEach(([day, category, documentType, organizationId, title, body, documentNumber], index) => {
    // Ids stay those of the row's position, so the documents left here keep theirs.
    const id = `doc-2015-${String(index + 1).padStart(3, '0')}`;
    if (HAS_OWN_KIND.has(category) || LAND_NOTICES.has(title)) return;
    documents.push({ id, documentType, documentNumber: documentNumber ?? null, body });
    publications.push({
      id,
      kind: 'PublishedDocument',
      title,
      category,
      organizationId,
      publishedAt: rowPublishedAt(day),
      channels: CHANNELS[category] ?? ['TOWN_PORTAL'],
      text: `${documentNumber ?? ''}\n${body}`,
    });
  });
  return { documents, publications };
}
