/**
 * Applications of the Neicuo demo (依申请公开), 2015. The seed report says
 * the town handles applications under standard rules but gives no figures,
 * so these nine are invented for the demo: they cover each kind of step
 * (consultation, correction, extension, review, withdrawal) and two
 * applications carried into 2016. Each is replayed through the same state
 * machine and clock as live requests, so its history is consistent. The
 * applicants are fictitious; the demo secrets (`ysq_demo_<tracking number>`)
 * are public on purpose, for trying `application(trackingNumber, secret)`.
 */
import type { Document } from 'mongodb';
import { APPLICATIONS } from '../applications/application-store.js';
import { replayApplication, type ApplicationReplay } from '../applications/replayed-application.js';
import type { StepRequest } from '../applications/application-workflow.js';
import type { Outcome, OutcomeReason } from '../applications/application-records.js';
import { DEPT, TOWN } from './demo-organizations.js';

const OFFICE = 'key:demo-neicuo-dzb';

function answer(on: string, outcome: Outcome, reason: OutcomeReason | null, number: string): StepRequest {
  return { action: 'ANSWER', on, reason: null, answer: { outcome, reason, replyDocument: { title: '政府信息公开申请答复书', documentNumber: `内政信复〔${on.slice(0, 4)}〕${number}号`, text: null }, disclosedRecordIds: [] } };
}

function demo(trackingNumber: string, receivedOn: string, filing: Pick<ApplicationReplay, 'applicantType' | 'applicant' | 'description' | 'deliveryForm'>, steps: StepRequest[]): ApplicationReplay {
  return { trackingNumber, receivedOn, organizationId: TOWN, secret: `ysq_demo_${trackingNumber}`, officeBy: OFFICE, steps, ...filing };
}

/** The demo applications as replays (tests use them to know what the report must say). */
export function demoApplicationReplays(): ApplicationReplay[] {
  return [
    demo('YSQ-20150210-NC0001', '2015-02-10', { applicantType: 'NATURAL_PERSON', applicant: { name: '许文华', phone: '13800000001' }, description: '申请公开2015年内厝村城乡居民最低生活保障对象名单及保障金额。', deliveryForm: 'PAPER' }, [answer('2015-03-05', 'GRANTED', null, '1')]),
    demo('YSQ-20150302-NC0002', '2015-03-02', { applicantType: 'NATURAL_PERSON', applicant: { name: '黄志明', phone: '13800000002', address: '内厝镇黄厝村' }, description: '申请公开黄厝村2014年征地补偿款的发放明细。', deliveryForm: 'PAPER' }, [
      { action: 'CONSULT_THIRD_PARTY', on: '2015-03-09', reason: '明细涉及其他被征地农户的个人信息，征求其意见' },
      { action: 'END_CONSULTATION', on: '2015-03-20', reason: '部分农户不同意公开其个人信息' },
      answer('2015-04-10', 'PARTIALLY_GRANTED', null, '2'),
    ]),
    demo('YSQ-20150512-NC0003', '2015-05-12', { applicantType: 'COMMERCIAL_ENTERPRISE', applicant: { name: '厦门某建设工程有限公司', contactPerson: '林经理', email: 'bid@example.com' }, description: '申请公开镇文化站修缮工程其他投标人的投标报价及技术方案。', deliveryForm: 'EMAIL' }, [
      answer('2015-06-05', 'REFUSED', 'THIRD_PARTY_RIGHTS', '3'),
      { action: 'FILE_REVIEW', on: '2015-07-01', reason: '申请人向翔安区人民政府申请行政复议', kind: 'ADMINISTRATIVE_REVIEW' },
      { action: 'DECIDE_REVIEW', on: '2015-08-20', reason: '复议维持', reviewIndex: 0, result: 'UPHELD' },
    ]),
    demo('YSQ-20150706-NC0004', '2015-07-06', { applicantType: 'NATURAL_PERSON', applicant: { name: '陈丽娟', phone: '13800000004' }, description: '申请公开村里那块地的有关文件。', deliveryForm: 'POST' }, [
      { action: 'REQUEST_CORRECTION', on: '2015-07-08', reason: '请写明地块所在村、位置及所需文件的名称或年份' },
      { action: 'RECEIVE_CORRECTION', on: '2015-07-15', reason: '申请人补正为许厝村1998年土地承包合同' },
      answer('2015-08-05', 'UNABLE_TO_PROVIDE', 'NOT_HELD', '4'),
    ]),
    demo('YSQ-20150914-NC0005', '2015-09-14', { applicantType: 'LEGAL_SERVICE_INSTITUTION', applicant: { name: '福建某律师事务所', contactPerson: '王律师', phone: '0592-0000005' }, description: '申请公开2013年至2015年镇区道路拓宽工程的规划许可及审批文件。', deliveryForm: 'ELECTRONIC' }, [
      { action: 'EXTEND', on: '2015-10-12', reason: '文件跨年度，需调取档案，经信息公开工作机构负责人同意延期', workingDays: 15 },
      answer('2015-11-02', 'GRANTED', null, '5'),
    ]),
    demo('YSQ-20151020-NC0006', '2015-10-20', { applicantType: 'NATURAL_PERSON', applicant: { name: '赵建国', phone: '13800000006' }, description: '反映邻居违章搭建问题，要求镇政府处理并答复。', deliveryForm: 'PAPER' }, [answer('2015-11-10', 'NOT_PROCESSED', 'PETITION_OR_COMPLAINT', '6')]),
    demo('YSQ-20151116-NC0007', '2015-11-16', { applicantType: 'RESEARCH_INSTITUTION', applicant: { name: '某大学公共管理学院', contactPerson: '刘老师', email: 'research@example.edu.cn' }, description: '申请公开2015年镇级财政预算执行情况。', deliveryForm: 'EMAIL' }, [
      { action: 'WITHDRAW', on: '2015-11-25', reason: '申请人已在政府网站查到所需信息，撤回申请' },
    ]),
    demo('YSQ-20151214-NC0008', '2015-12-14', { applicantType: 'NATURAL_PERSON', applicant: { name: '许美玲', phone: '13800000008' }, description: '申请公开2015年许厝村下拨资金的用途和金额。', deliveryForm: 'PAPER' }, [answer('2016-01-08', 'GRANTED', null, '1')]),
    demo('YSQ-20151221-NC0009', '2015-12-21', { applicantType: 'PUBLIC_INTEREST_ORGANIZATION', applicant: { name: '厦门某环保公益协会', contactPerson: '郑女士', email: 'green@example.org' }, description: '申请公开镇域内养殖场的环境影响评价及整治情况。', deliveryForm: 'EMAIL' }, [
      { action: 'CONSULT_OTHER_AGENCY', on: '2015-12-28', reason: '环评文件由区环保局制作，征求其意见' },
      { action: 'END_CONSULTATION', on: '2016-01-11', reason: '区环保局回复同意公开环评批复，不同意公开企业商业信息' },
      answer('2016-01-20', 'PARTIALLY_GRANTED', null, '2'),
    ]),
  ];
}

/** The office store's demo collections of applications. */
export function demoApplicationCollections(): Record<string, Document[]> {
  return { [APPLICATIONS]: demoApplicationReplays().map((replay) => replayApplication(replay) as unknown as Document) };
}

/** The general office that handles the demo applications (for credentials in examples). */
export const DEMO_APPLICATION_OFFICE = DEPT.office;
