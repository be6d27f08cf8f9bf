/** Types of the documents the office publishes itself. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum PublishedDocumentType {
  POLICY = 'POLICY',
  NOTICE = 'NOTICE',
  NEWS = 'NEWS',
  PHOTO_NEWS = 'PHOTO_NEWS',
  WORK_REPORT = 'WORK_REPORT',
  DIRECTORY_LIST = 'DIRECTORY_LIST',
}

registerEnumType(PublishedDocumentType, {
  name: 'PublishedDocumentType',
  description: 'Type of a document the office publishes itself.',
  valuesConfig: {
    POLICY: { description: '政策文件: a policy or normative document.' },
    NOTICE: { description: '通知通告: a notice.' },
    NEWS: { description: '工作动态: a news item on the town\'s work.' },
    PHOTO_NEWS: { description: '图片新闻: a photo news item.' },
    WORK_REPORT: { description: '工作报告: a work report or plan.' },
    DIRECTORY_LIST: { description: '目录清单: a directory list (行政审批, 公共服务).' },
  },
});
