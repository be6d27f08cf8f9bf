/** Channels (公开渠道) through which a record is made public. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum Channel {
  TOWN_PORTAL = 'TOWN_PORTAL',
  DISTRICT_PORTAL = 'DISTRICT_PORTAL',
  GOVERNMENT_BULLETIN_BOARD = 'GOVERNMENT_BULLETIN_BOARD',
  VILLAGE_BULLETIN_BOARD = 'VILLAGE_BULLETIN_BOARD',
  SMS_PLATFORM = 'SMS_PLATFORM',
  READING_POINT = 'READING_POINT',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: 'Channel (公开渠道) through which a record is made public.',
  valuesConfig: {
    TOWN_PORTAL: { description: '镇政府门户网站: the town portal.' },
    DISTRICT_PORTAL: { description: '区政府网站: the district government website.' },
    GOVERNMENT_BULLETIN_BOARD: { description: '镇政务公开栏: the town government bulletin board.' },
    VILLAGE_BULLETIN_BOARD: { description: '村务公开栏: village bulletin boards.' },
    SMS_PLATFORM: { description: '镇短信平台: the town SMS platform.' },
    READING_POINT: { description: '政府信息公开查阅点: reading points (library, archives).' },
  },
});
