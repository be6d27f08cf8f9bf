/**
 * The demo's policies and normative documents with their interpretations and
 * attachments: the five documents of 2015 the report counts, and the two
 * earlier versions of the reception rules, so that a replacement chain
 * (2013 → 2014 → 2015) can be followed.
 */
import { createHash } from 'node:crypto';
import type { InterpretationForm, InterpretationRecord, PolicyRecord } from '../office/policy-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { TOWN } from './demo-organizations.js';

/** An attachment's bytes as stored (collection `attachmentFiles`). */
export interface DemoAttachmentFile {
  id: string;
  policyId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

type PolicyRow = Omit<PolicyRecord, 'attachments' | 'issuingOrganizationId'> & { title: string; publishedOn: string; files?: Array<[name: string, mediaType: string, content: string]> };

const POLICIES: PolicyRow[] = [
  {
    id: 'policy-2013-012', title: '内厝镇公务接待管理暂行办法', documentNumber: '内政〔2013〕12号', issuedOn: '2013-04-10', effectiveOn: '2013-05-01', publishedOn: '2013-04-12',
    validity: 'REPEALED', normative: true, replacedByIds: ['policy-2014-009'],
    body: '为规范公务接待，制定本暂行办法。公务接待实行归口管理，接待费用按实报销。',
  },
  {
    id: 'policy-2014-009', title: '内厝镇公务接待管理办法（试行）', documentNumber: '内政〔2014〕9号', issuedOn: '2014-03-05', effectiveOn: '2014-04-01', publishedOn: '2014-03-07',
    validity: 'AMENDED', normative: true, replacedByIds: ['policy-2015-015'],
    body: '根据中央八项规定精神，修订公务接待管理办法，实行接待审批单制度，严禁超标准接待。',
  },
  {
    id: 'policy-2015-008', title: '内厝镇人民政府关于印发《内厝镇2015年政府信息公开工作要点》的通知', documentNumber: '内政〔2015〕8号', issuedOn: '2015-02-13', effectiveOn: null, publishedOn: '2015-02-16',
    validity: 'IN_FORCE', normative: false, replacedByIds: [],
    body: '根据《厦门市翔安区人民政府办公室关于印发2015年政府信息公开工作主要任务分解表的通知》（厦翔政办【2015】77号）要求，结合我镇实际，制定本工作要点，明确行政权力清单、财政资金、公共资源配置等重点领域信息公开任务。',
  },
  {
    id: 'policy-2015-015', title: '内厝镇公务接待管理办法', documentNumber: '内政〔2015〕15号', issuedOn: '2015-03-16', effectiveOn: '2015-04-01', publishedOn: '2015-03-18',
    validity: 'IN_FORCE', normative: true, replacedByIds: [],
    body: '为规范公务接待行为，厉行节约，制定本办法。公务接待实行审批制度，严格接待范围和标准，公务接待费按月在镇政务公开栏公开，接受群众监督。',
    files: [['附件：内厝镇公务接待审批单.csv', 'text/csv', '接待单位,接待事由,陪同人数,接待人数,审批人\n']],
  },
  {
    id: 'policy-2015-021', title: '内厝镇村级财务管理规定', documentNumber: '内政〔2015〕21号', issuedOn: '2015-05-04', effectiveOn: '2015-06-01', publishedOn: '2015-05-06',
    validity: 'IN_FORCE', normative: true, replacedByIds: [],
    body: '村级组织运转经费、环境卫生整治补助等下拨资金实行专户管理，村务公开栏每月公开收支情况，镇财政所负责监督检查。',
  },
  {
    id: 'policy-2015-033', title: '内厝镇征地拆迁工作实施办法', documentNumber: '内政〔2015〕33号', issuedOn: '2015-07-17', effectiveOn: '2015-08-01', publishedOn: '2015-07-20',
    validity: 'IN_FORCE', normative: true, replacedByIds: [],
    body: '规范征地拆迁工作程序，征地信息、补偿标准、补偿款拨付情况通过镇短信平台、村务公开栏及时公开，保障被征地群众的知情权、参与权和监督权。',
    files: [
      ['附件1：内厝镇征地补偿标准表.csv', 'text/csv', '项目,标准（元/亩）\n土地补偿费,16000\n安置补助费,8000\n青苗补偿费,1500\n'],
      ['附件2：征地拆迁工作流程.txt', 'text/plain; charset=utf-8', '一、发布征地公告\n二、调查登记\n三、公示补偿方案\n四、听证\n五、拨付补偿款\n'],
    ],
  },
  {
    id: 'policy-2015-040', title: '内厝镇安全生产责任制实施细则', documentNumber: '内政〔2015〕40号', issuedOn: '2015-09-11', effectiveOn: '2015-10-01', publishedOn: '2015-09-15',
    validity: 'IN_FORCE', normative: true, replacedByIds: [],
    body: '明确镇、村、企业三级安全生产责任，实行“党政同责、一岗双责、失职追责”，建立安全生产隐患排查治理台账。',
  },
];

type InterpretationRow = [id: string, form: InterpretationForm, policyIds: string[], day: string, title: string, body: string, mediaUrl: string | null, mediaOutlet: string | null];

const INTERPRETATIONS: InterpretationRow[] = [
  ['interp-2013-001', 'TEXT', ['policy-2013-012'], '2013-04-13', '《内厝镇公务接待管理暂行办法》解读', '暂行办法明确公务接待归口党政办管理。', null, null],
  ['interp-2014-001', 'TEXT', ['policy-2014-009'], '2014-03-10', '《内厝镇公务接待管理办法（试行）》解读', '试行办法落实中央八项规定，新增接待审批单制度。', null, null],
  ['interp-2015-001', 'TEXT', ['policy-2015-015'], '2015-03-19', '文字解读：《内厝镇公务接待管理办法》', '办法明确接待范围、标准和审批程序，公务接待费按月公开。', null, null],
  ['interp-2015-002', 'GRAPHIC', ['policy-2015-015'], '2015-03-20', '图片解读：一图读懂公务接待管理办法', '以图表说明公务接待审批流程和标准。', '/files/interpretations/2015-002.png', null],
  ['interp-2015-003', 'TEXT', ['policy-2015-021'], '2015-05-20', '文字解读：《内厝镇村级财务管理规定》', '规定明确下拨资金专户管理和村务公开要求。', null, null],
  ['interp-2015-004', 'TEXT', ['policy-2015-033'], '2015-07-21', '文字解读：《内厝镇征地拆迁工作实施办法》', '实施办法规范征地拆迁程序，明确征地补偿标准的公开方式。', null, null],
  ['interp-2015-005', 'GRAPHIC', ['policy-2015-033'], '2015-07-21', '图片解读：征地拆迁工作流程图', '一张图看懂征地公告、调查登记、补偿公示、听证和补偿款拨付。', '/files/interpretations/2015-005.png', null],
  ['interp-2015-006', 'VIDEO', ['policy-2015-033'], '2015-07-22', '视频解读：征地补偿怎么算', '镇规建办负责人讲解征地补偿标准。', '/files/interpretations/2015-006.mp4', null],
  ['interp-2015-007', 'INTERVIEW', ['policy-2015-033'], '2015-07-23', '访谈解读：镇长谈征地拆迁信息公开', '镇长做客政民互动平台，回答群众关于征地拆迁的提问。', '/files/interpretations/2015-007.html', null],
  ['interp-2015-008', 'MEDIA_REPORT', ['policy-2015-033', 'policy-2015-008'], '2015-07-24', '媒体报道：内厝镇征地拆迁阳光操作', '报道内厝镇通过短信平台和村务公开栏公开征地补偿信息。', 'http://www.xmnn.cn/2015-07-24/neicuo.html', '厦门日报'],
  ['interp-2015-009', 'TEXT', ['policy-2015-040'], '2015-09-18', '文字解读：《内厝镇安全生产责任制实施细则》', '细则明确镇、村、企业三级安全生产责任。', null, null],
];

function attachmentFile(policyId: string, index: number, [name, mediaType, content]: [string, string, string]): DemoAttachmentFile {
  const data = Buffer.from(content, 'utf8');
  return { id: `att-${policyId.slice('policy-'.length)}-${index + 1}`, policyId, name, mediaType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
}

/** Policies, interpretations, attachment files and their publications. */
export function demoPolicies(): { policies: PolicyRecord[]; interpretations: InterpretationRecord[]; files: DemoAttachmentFile[]; publications: Publication[] } {
  const files: DemoAttachmentFile[] = [];
  const publications: Publication[] = [];
  const policies = POLICIES.map(({ title, publishedOn, files: rows = [], ...policy }): PolicyRecord => {
    const own = rows.map((row, i) => attachmentFile(policy.id, i, row));
    files.push(...own);
    publications.push({
      id: policy.id,
      kind: 'PolicyDocument',
      title,
      category: 'POLICY_DOCUMENTS',
      organizationId: TOWN,
      publishedAt: chinaTime(publishedOn, '10:00'),
      channels: ['TOWN_PORTAL', 'READING_POINT'],
      text: `${policy.documentNumber ?? ''}\n${policy.body}\n${own.map((f) => f.name).join('\n')}`,
    });
    return { ...policy, issuingOrganizationId: TOWN, attachments: own.map(({ id, name, mediaType, size, sha256 }) => ({ id, name, mediaType, size, sha256 })) };
  });
  const interpretations = INTERPRETATIONS.map(([id, form, policyIds, day, title, body, mediaUrl, mediaOutlet]): InterpretationRecord => {
    publications.push({ id, kind: 'Interpretation', title, category: 'POLICY_INTERPRETATIONS', organizationId: TOWN, publishedAt: chinaTime(day, '15:00'), channels: ['TOWN_PORTAL'], text: `${body}\n${mediaOutlet ?? ''}` });
    return { id, form, policyIds, body, mediaUrl, mediaOutlet };
  });
  return { policies, interpretations, files, publications };
}
