/** The demo's appointments and dismissals (人事任免): 18 from January to November 2015 and one in December. */
import type { AppointmentRecord, PersonRecord, PostRecord } from '../personnel/personnel-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { DEPT, TOWN, VILLAGES } from './demo-organizations.js';

type Row = [published: string, action: 'APPOINT' | 'DISMISS', name: string, gender: 'MALE' | 'FEMALE', birthYear: number, post: string, organizationId: string, documentNumber: string, notice: [string, string] | null];

const village = (name: string) => VILLAGES.find(([, v]) => v === name)![0];

const ROWS: Row[] = [
  ['2015-01-16', 'APPOINT', '陈志明', 'MALE', 1978, '内厝镇财政所所长', DEPT.finance, '内委〔2015〕3号', ['2015-01-05', '2015-01-11']],
  ['2015-01-16', 'DISMISS', '林国华', 'MALE', 1966, '内厝镇财政所所长', DEPT.finance, '内委〔2015〕4号', null],
  ['2015-02-06', 'APPOINT', '黄丽娟', 'FEMALE', 1982, '内厝镇党政办公室副主任', DEPT.office, '内委〔2015〕9号', ['2015-01-26', '2015-02-01']],
  ['2015-03-13', 'APPOINT', '许建伟', 'MALE', 1980, '内厝镇规划建设办公室主任', DEPT.planning, '内委〔2015〕15号', ['2015-03-02', '2015-03-08']],
  ['2015-03-13', 'DISMISS', '蔡文辉', 'MALE', 1963, '内厝镇规划建设办公室主任', DEPT.planning, '内委〔2015〕16号', null],
  ['2015-04-10', 'APPOINT', '洪秀兰', 'FEMALE', 1979, '内厝镇社会事务办公室主任', DEPT.social, '内委〔2015〕21号', ['2015-03-30', '2015-04-05']],
  ['2015-04-24', 'APPOINT', '郑志强', 'MALE', 1984, '内厝镇安全生产监督管理办公室副主任', DEPT.safety, '内委〔2015〕24号', ['2015-04-13', '2015-04-19']],
  ['2015-05-15', 'DISMISS', '苏明德', 'MALE', 1962, '内厝镇农业服务中心主任', DEPT.agriculture, '内委〔2015〕30号', null],
  ['2015-05-15', 'APPOINT', '吴海涛', 'MALE', 1976, '内厝镇农业服务中心主任', DEPT.agriculture, '内委〔2015〕31号', ['2015-05-04', '2015-05-10']],
  ['2015-06-12', 'APPOINT', '张雅琴', 'FEMALE', 1985, '内厝镇文化服务中心主任', DEPT.culture, '内委〔2015〕36号', ['2015-06-01', '2015-06-07']],
  ['2015-07-03', 'APPOINT', '叶振南', 'MALE', 1975, '内厝镇社会治安综合治理办公室主任', DEPT.order, '内委〔2015〕41号', ['2015-06-22', '2015-06-28']],
  ['2015-07-03', 'DISMISS', '庄建国', 'MALE', 1961, '内厝镇社会治安综合治理办公室主任', DEPT.order, '内委〔2015〕42号', null],
  ['2015-08-14', 'APPOINT', '王晓燕', 'FEMALE', 1983, '内厝镇经济发展办公室副主任', DEPT.economy, '内委〔2015〕50号', ['2015-08-03', '2015-08-09']],
  ['2015-09-11', 'APPOINT', '李俊杰', 'MALE', 1981, '莲塘村党支部书记', village('莲塘村'), '内委〔2015〕57号', ['2015-08-31', '2015-09-06']],
  ['2015-09-11', 'DISMISS', '杨福来', 'MALE', 1958, '莲塘村党支部书记', village('莲塘村'), '内委〔2015〕58号', null],
  ['2015-10-16', 'APPOINT', '陈美玲', 'FEMALE', 1986, '内厝镇党政办公室主任', DEPT.office, '内委〔2015〕63号', ['2015-10-08', '2015-10-14']],
  ['2015-11-06', 'APPOINT', '林少辉', 'MALE', 1979, '官路村党支部书记', village('官路村'), '内委〔2015〕68号', ['2015-10-26', '2015-11-01']],
  ['2015-11-20', 'DISMISS', '黄天赐', 'MALE', 1960, '内厝镇财政所副所长', DEPT.finance, '内委〔2015〕72号', null],
  ['2015-12-31', 'APPOINT', '许雅婷', 'FEMALE', 1987, '内厝镇财政所副所长', DEPT.finance, '内委〔2015〕80号', ['2015-12-21', '2015-12-27']],
];

/** People, posts, appointments and their publications. */
export function demoPersonnel(): { people: PersonRecord[]; posts: PostRecord[]; appointments: AppointmentRecord[]; publications: Publication[] } {
  const people: PersonRecord[] = [];
  const posts: PostRecord[] = [];
  const appointments: AppointmentRecord[] = [];
  const publications: Publication[] = [];
  ROWS.forEach(([published, action, name, gender, birthYear, label, organizationId, documentNumber, notice], index) => {
    const n = String(index + 1).padStart(3, '0');
    let person = people.find((p) => p.name === name);
    if (!person) {
      person = { id: `person-${String(people.length + 1).padStart(3, '0')}`, name, gender, birthYear };
      people.push(person);
    }
    let post = posts.find((p) => p.label === label);
    if (!post) {
      post = { id: `post-${String(posts.length + 1).padStart(3, '0')}`, label, organizationId };
      posts.push(post);
    }
    const id = `appt-2015-${n}`;
    const effectiveDate = published;
    appointments.push({
      id,
      action,
      personId: person.id,
      postId: post.id,
      decidedById: TOWN,
      effectiveDate,
      documentNumber,
      publicNoticeStart: notice?.[0] ?? null,
      publicNoticeEnd: notice?.[1] ?? null,
    });
    const verb = action === 'APPOINT' ? '任职' : '免职';
    const decision = action === 'APPOINT' ? `任命${name}同志为${label}` : `免去${name}同志${label}职务`;
    const noticeText = notice ? `任前公示期为${notice[0]}至${notice[1]}，公示期间未收到反映。` : '';
    publications.push({
      id,
      kind: 'Appointment',
      title: `关于${name}同志${verb}的通知`,
      category: 'ORGANIZATION_PERSONNEL',
      organizationId: TOWN,
      publishedAt: chinaTime(published, '16:00'),
      channels: ['TOWN_PORTAL', 'GOVERNMENT_BULLETIN_BOARD'],
      text: `${documentNumber}。经中共内厝镇委员会研究决定：${decision}。${noticeText}`,
    });
  });
  return { people, posts, appointments, publications };
}
