/** Catalog categories (公开目录类别) of the town's disclosure catalog and portal columns. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum DisclosureCategory {
  ORGANIZATION_PERSONNEL = 'ORGANIZATION_PERSONNEL',
  POLICY_DOCUMENTS = 'POLICY_DOCUMENTS',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
  URBAN_RURAL_DEVELOPMENT = 'URBAN_RURAL_DEVELOPMENT',
  SCIENCE_EDUCATION_CULTURE_HEALTH = 'SCIENCE_EDUCATION_CULTURE_HEALTH',
  WORK_SAFETY_EMERGENCY = 'WORK_SAFETY_EMERGENCY',
  ADMINISTRATIVE_APPROVAL_LIST = 'ADMINISTRATIVE_APPROVAL_LIST',
  PUBLIC_SERVICE_LIST = 'PUBLIC_SERVICE_LIST',
  FISCAL_FUNDS = 'FISCAL_FUNDS',
  WORK_NEWS = 'WORK_NEWS',
  NOTICES = 'NOTICES',
  PHOTO_NEWS = 'PHOTO_NEWS',
  POLICY_INTERPRETATIONS = 'POLICY_INTERPRETATIONS',
  BROADCASTS = 'BROADCASTS',
}

/** The Chinese name of each category, as the catalog and the annual report print it. */
export const CATEGORY_NAMES: Record<DisclosureCategory, string> = {
  ORGANIZATION_PERSONNEL: '机构职能人事任免',
  POLICY_DOCUMENTS: '政策及规范性文件',
  PUBLIC_WELFARE: '社会公益事业建设',
  URBAN_RURAL_DEVELOPMENT: '统筹城乡事业发展',
  SCIENCE_EDUCATION_CULTURE_HEALTH: '科教文卫事业建设',
  WORK_SAFETY_EMERGENCY: '安全生产应急管理',
  ADMINISTRATIVE_APPROVAL_LIST: '行政审批目录清单',
  PUBLIC_SERVICE_LIST: '公共服务事项目录清单',
  FISCAL_FUNDS: '财政资金信息',
  WORK_NEWS: '工作动态',
  NOTICES: '通知通告',
  PHOTO_NEWS: '图片新闻',
  POLICY_INTERPRETATIONS: '政策解读',
  BROADCASTS: '信息发布记录',
};

registerEnumType(DisclosureCategory, {
  name: 'DisclosureCategory',
  description: 'Catalog category (公开目录类别) of a disclosed record; the last three are portal columns (门户网站栏目).',
  valuesConfig: {
    ORGANIZATION_PERSONNEL: { description: '机构职能人事任免: functions of organizations, appointments and dismissals.' },
    POLICY_DOCUMENTS: { description: '政策及规范性文件: policies and normative documents.' },
    PUBLIC_WELFARE: { description: '社会公益事业建设: public welfare undertakings (relief, social security, elderly care).' },
    URBAN_RURAL_DEVELOPMENT: { description: '统筹城乡事业发展: integrated urban-rural development (land requisition, construction, agriculture).' },
    SCIENCE_EDUCATION_CULTURE_HEALTH: { description: '科教文卫事业建设: science, education, culture and health.' },
    WORK_SAFETY_EMERGENCY: { description: '安全生产应急管理: work safety and emergency management.' },
    ADMINISTRATIVE_APPROVAL_LIST: { description: '行政审批目录清单: directory of administrative approval items.' },
    PUBLIC_SERVICE_LIST: { description: '公共服务事项目录清单: directory of public service items.' },
    FISCAL_FUNDS: { description: '财政资金信息: fiscal funds (三公 expenses, allocated funds, government procurement).' },
    WORK_NEWS: { description: '工作动态: work news (portal column).' },
    NOTICES: { description: '通知通告: notices and announcements (portal column).' },
    PHOTO_NEWS: { description: '图片新闻: photo news (portal column).' },
    POLICY_INTERPRETATIONS: { description: '政策解读: interpretations of policies (text, graphic, video, interview, media report).' },
    BROADCASTS: { description: '信息发布记录: broadcasts on the SMS platform and the bulletin boards, with their message counts.' },
  },
});
