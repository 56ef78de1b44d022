import { registerEnumType } from 'type-graphql';

/** GraphQL enums of the assignments subgraph. The TypeScript unions they mirror live beside the rules. */
export enum TaskStatusEnum {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETION_SUBMITTED = 'COMPLETION_SUBMITTED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'Where a task stands in its workflow (trạng thái). Deadline compliance is `Task.compliance`, not this.',
  valuesConfig: {
    IN_PROGRESS: {
      description: 'Assigned and being worked on (đang thực hiện), including after a returned completion report.',
    },
    COMPLETION_SUBMITTED: { description: 'The lead unit reported it done; the assigning side has not confirmed yet.' },
    COMPLETED: { description: 'Completion confirmed by the assigning side (đã hoàn thành).' },
    WITHDRAWN: { description: 'No longer to be done (đã rút); accepts no further change.' },
  },
});

export enum TaskPriorityEnum {
  KEY = 'KEY',
  ROUTINE = 'ROUTINE',
  AD_HOC = 'AD_HOC',
}
registerEnumType(TaskPriorityEnum, {
  name: 'TaskPriority',
  description: 'How a task is weighed (tính chất nhiệm vụ).',
  valuesConfig: {
    KEY: { description: 'A key task (trọng tâm).' },
    ROUTINE: { description: 'A routine task (thường xuyên).' },
    AD_HOC: { description: 'An ad hoc task (đột xuất).' },
  },
});

export enum AssignerKindEnum {
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  CHAIRMAN = 'CHAIRMAN',
  VICE_CHAIRMAN = 'VICE_CHAIRMAN',
}
registerEnumType(AssignerKindEnum, {
  name: 'AssignerKind',
  description: 'Who assigned a task (bên giao nhiệm vụ).',
  valuesConfig: {
    PEOPLES_COMMITTEE: { description: "The provincial People's Committee (UBND tỉnh) as a body." },
    CHAIRMAN: { description: 'Its Chairman (Chủ tịch).' },
    VICE_CHAIRMAN: { description: 'One of its Vice-Chairmen (Phó Chủ tịch); `assignerName` says which.' },
  },
});

export enum DocumentKindEnum {
  DECISION = 'DECISION',
  PLAN = 'PLAN',
  NOTICE = 'NOTICE',
  CONCLUSION_NOTICE = 'CONCLUSION_NOTICE',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
  DIRECTIVE = 'DIRECTIVE',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: 'The kind of document a task comes from (loại văn bản).',
  valuesConfig: {
    DECISION: { description: 'Decision (Quyết định, QĐ).' },
    PLAN: { description: 'Plan (Kế hoạch, KH).' },
    NOTICE: { description: 'Notice (Thông báo, TB).' },
    CONCLUSION_NOTICE: { description: 'Notice of a leader’s conclusions (Thông báo kết luận).' },
    OFFICIAL_LETTER: { description: 'Official letter (Công văn).' },
    DIRECTIVE: { description: 'Directive (Chỉ thị, CT).' },
    OTHER: { description: 'Any other document.' },
  },
});

export enum ComplianceBucketEnum {
  COMPLETED_ON_TIME = 'COMPLETED_ON_TIME',
  COMPLETED_LATE = 'COMPLETED_LATE',
  IN_PROGRESS_WITHIN_DEADLINE = 'IN_PROGRESS_WITHIN_DEADLINE',
  IN_PROGRESS_OVERDUE = 'IN_PROGRESS_OVERDUE',
}
registerEnumType(ComplianceBucketEnum, {
  name: 'ComplianceBucket',
  description: 'The four buckets of RULES.md that every counted task falls in, as of a date.',
  valuesConfig: {
    COMPLETED_ON_TIME: {
      description:
        'Completed on or before the deadline in force on the completion date, or with no deadline (hoàn thành đúng hạn).',
    },
    COMPLETED_LATE: {
      description: 'Completed after the deadline in force on the completion date (hoàn thành quá hạn).',
    },
    IN_PROGRESS_WITHIN_DEADLINE: {
      description: 'Not completed as of the date, deadline not passed or none (đang thực hiện trong hạn).',
    },
    IN_PROGRESS_OVERDUE: {
      description: 'Not completed as of the date, deadline in force passed (chưa hoàn thành, quá hạn).',
    },
  },
});

export enum ExtensionStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ExtensionStatusEnum, {
  name: 'ExtensionStatus',
  description: 'Where an extension request stands.',
  valuesConfig: {
    PENDING: { description: 'Requested, not decided yet.' },
    APPROVED: { description: 'Approved: its new date is the deadline from its decision date.' },
    REJECTED: { description: 'Rejected: the deadline does not change.' },
  },
});

export enum CompletionReportStatusEnum {
  SUBMITTED = 'SUBMITTED',
  CONFIRMED = 'CONFIRMED',
  RETURNED = 'RETURNED',
}
registerEnumType(CompletionReportStatusEnum, {
  name: 'CompletionReportStatus',
  description: 'Where a completion report stands.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for the assigning side.' },
    CONFIRMED: { description: 'Confirmed (xác nhận): the task counts as completed from the report’s completion date.' },
    RETURNED: { description: 'Returned for more work: it never counts.' },
  },
});
