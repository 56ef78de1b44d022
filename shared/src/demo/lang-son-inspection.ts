import { uuidFromName } from '../ids';

/**
 * The inspection of the Department of Construction by working group no. 1 of the Chairman of the
 * Lạng Sơn People's Committee, on 2017-10-19, over 2017-01-01 to 2017-10-15: the inspections
 * service records it, and the assignments service's demo holds the follow-up tasks of its conclusions.
 */
export const DEMO_INSPECTION = {
  id: uuidFromName('inspection:SXD:2017-10-19'),
  unitCode: 'SXD',
  team: 'Tổ công tác số 1 của Chủ tịch UBND tỉnh',
  teamLeader: 'Chánh Văn phòng UBND tỉnh',
  inspectedOn: '2017-10-19',
  periodFrom: '2017-01-01',
  periodTo: '2017-10-15',
  findings:
    'Sở Xây dựng đã ban hành quy chế quản lý, theo dõi nhiệm vụ được giao; phần lớn nhiệm vụ hoàn thành đúng hạn. ' +
    'Một số nhiệm vụ hoàn thành chậm, một số nhiệm vụ quá hạn chưa hoàn thành; chất lượng tham mưu về quy hoạch, quản lý đô thị có mặt còn hạn chế.',
  conclusions: [
    {
      id: uuidFromName('conclusion:SXD:2017-10-19:1'),
      text: 'Duy trì thực hiện nghiêm quy chế nội bộ về quản lý, theo dõi, đôn đốc thực hiện nhiệm vụ được giao.',
    },
    {
      id: uuidFromName('conclusion:SXD:2017-10-19:2'),
      text: 'Tăng cường kiểm tra, giám sát, đôn đốc việc thực hiện nhiệm vụ; khắc phục ngay các nhiệm vụ quá hạn.',
    },
    {
      id: uuidFromName('conclusion:SXD:2017-10-19:3'),
      text: 'Nâng cao chất lượng tham mưu về công tác quy hoạch và quản lý đô thị.',
    },
  ],
  recommendations: [
    {
      id: uuidFromName('recommendation:SXD:2017-10-19:1'),
      text: 'Đề nghị UBND tỉnh bổ sung biên chế cho bộ phận quản lý quy hoạch của Sở.',
    },
    {
      id: uuidFromName('recommendation:SXD:2017-10-19:2'),
      text: 'Đề nghị các sở, ngành phối hợp cung cấp ý kiến đúng thời hạn khi Sở Xây dựng xin ý kiến.',
    },
  ],
} as const;
