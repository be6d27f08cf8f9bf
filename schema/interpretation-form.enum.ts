/** Forms of policy interpretation (解读形式). */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum InterpretationForm {
  TEXT = 'TEXT',
  GRAPHIC = 'GRAPHIC',
  VIDEO = 'VIDEO',
  INTERVIEW = 'INTERVIEW',
  MEDIA_REPORT = 'MEDIA_REPORT',
}

registerEnumType(InterpretationForm, {
  name: 'InterpretationForm',
  description: 'Form of a policy interpretation (解读形式), as the portal\'s 相关解读 lists them.',
  valuesConfig: {
    TEXT: { description: '文字解读: text.' },
    GRAPHIC: { description: '图片解读: graphic (一图读懂).' },
    VIDEO: { description: '视频解读: video.' },
    INTERVIEW: { description: '访谈解读: interview.' },
    MEDIA_REPORT: { description: '媒体报道: a media report.' },
  },
});
