/**
 * The operations the CLI sends. `LEADERSHIP_COMPLIANCE` is the client contract's operation
 * (test/contract/operations/compliance.graphql) word for word, so exported figures are the
 * leadership table's; a test checks they stay the same.
 */
export const LEADERSHIP_COMPLIANCE = `query LeadershipCompliance($kinds: [OrganisationKind!], $from: Date!, $to: Date!, $asOf: Date) {
  organisations(kinds: $kinds) {
    id
    code
    name
    kind
    compliance(from: $from, to: $to, asOf: $asOf) {
      ...Figures
    }
  }
}

fragment Figures on ComplianceFigures {
  assigned
  completedOnTime
  completedLate
  inProgressWithinDeadline
  inProgressOverdue
  withoutDeadline
  due
  completionRate
  onTimeRate
}`;

export const UNITS = `query ImportUnits {
  organisations {
    id
    code
    validFrom
    validTo
  }
}`;

export const ASSIGN_TASK = `mutation ImportTask($input: AssignTaskInput!) {
  assignTask(input: $input) {
    id
  }
}`;

export const TASK_PAGE = `query ExportTasks($filter: TaskFilter, $first: Int, $after: String, $asOf: Date) {
  tasks(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        title
        description
        status
        assignedOn
        dueOn
        originalDueOn
        completedOn
        withdrawnOn
        assignerKind
        assignerName
        priority
        compliance(asOf: $asOf)
        leadOrganisation {
          code
          name
        }
        coordinatingOrganisations {
          code
        }
        sourceDocument {
          number
          kind
          issuedOn
          signer
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;
