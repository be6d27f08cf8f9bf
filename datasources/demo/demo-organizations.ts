/** The organizations of the demo: 翔安区 → 内厝镇 → its departments and village committees. */
import type { OrganizationRecord } from '../office/office-records.js';

export const DISTRICT = 'org-xiangan';
export const TOWN = 'org-neicuo';

/** Department ids by short name, for the other demo modules. */
export const DEPT = {
  office: 'org-neicuo-dzb',
  finance: 'org-neicuo-czs',
  economy: 'org-neicuo-jfb',
  social: 'org-neicuo-shsw',
  planning: 'org-neicuo-gjb',
  safety: 'org-neicuo-ajb',
  order: 'org-neicuo-zzb',
  culture: 'org-neicuo-whz',
  agriculture: 'org-neicuo-nfzx',
} as const;

const departments: Array<[string, string, string, string]> = [
  [DEPT.office, '内厝镇党政办公室', '党政办', '负责镇党委、镇政府日常运转、文电会务、督查督办，承担镇政府信息公开工作。'],
  [DEPT.finance, '内厝镇财政所', '财政所', '负责镇级财政预决算编制与执行、村级资金下拨与监管、“三公”经费公开。'],
  [DEPT.economy, '内厝镇经济发展办公室', '经发办', '负责全镇经济运行监测、招商引资、企业服务和统计工作。'],
  [DEPT.social, '内厝镇社会事务办公室', '社会事务办', '负责民政、社会救助、社会保障、残疾人和老龄工作。'],
  [DEPT.planning, '内厝镇规划建设办公室', '规建办', '负责村镇规划建设管理、征地拆迁、土地房屋征收补偿和农村住房建设管理。'],
  [DEPT.safety, '内厝镇安全生产监督管理办公室', '安监办', '负责全镇安全生产综合监管、应急管理和防汛防台工作。'],
  [DEPT.order, '内厝镇社会治安综合治理办公室', '综治办', '负责社会治安综合治理、网格化管理和矛盾纠纷排查调处。'],
  [DEPT.culture, '内厝镇文化服务中心', '文化站', '负责公共文化服务、农家书屋、群众文化活动和教育卫生事务协调。'],
  [DEPT.agriculture, '内厝镇农业服务中心', '农服中心', '负责农业技术推广、动植物防疫、农村经营管理和森林防火。'],
];

/** Village ids by village name. */
export const VILLAGES: Array<[string, string]> = [
  ['org-neicuo-v-neicuo', '内厝村'],
  ['org-neicuo-v-xucuo', '许厝村'],
  ['org-neicuo-v-huangcuo', '黄厝村'],
  ['org-neicuo-v-liantang', '莲塘村'],
  ['org-neicuo-v-guanlu', '官路村'],
  ['org-neicuo-v-zhaoling', '赵岭村'],
  ['org-neicuo-v-chushan', '锄山村'],
  ['org-neicuo-v-dongliao', '东寮村'],
];

/** Every organization of the demo. */
export function demoOrganizations(): OrganizationRecord[] {
  return [
    {
      id: DISTRICT,
      name: '厦门市翔安区人民政府',
      otherNames: ['翔安区', '翔安区政府'],
      classification: 'DISTRICT',
      parentId: null,
      description: '厦门市翔安区人民政府，辖新店、马巷、内厝、新圩、大嶝等镇街，统筹全区政府信息公开工作。',
    },
    {
      id: TOWN,
      name: '厦门市翔安区内厝镇人民政府',
      otherNames: ['内厝镇', '内厝镇政府'],
      classification: 'TOWN',
      parentId: DISTRICT,
      description: '内厝镇人民政府，负责全镇经济社会事务管理，下设党政办、财政所等部门，辖8个行政村。',
    },
    ...departments.map(([id, name, short, description]) => ({
      id,
      name,
      otherNames: [short],
      classification: 'DEPARTMENT' as const,
      parentId: TOWN,
      description,
    })),
    ...VILLAGES.map(([id, village]) => ({
      id,
      name: `内厝镇${village}村民委员会`,
      otherNames: [village, `${village}委会`],
      classification: 'VILLAGE' as const,
      parentId: TOWN,
      description: `${village}村民委员会，负责村务管理、村务公开和村级集体资金使用。`,
    })),
  ];
}
