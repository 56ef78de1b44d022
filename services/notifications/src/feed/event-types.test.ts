import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INSPECTION_EVENT_TYPES,
  TASK_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
  payloadType,
  sourceOf,
  webhookEventType,
} from './event-types';

/** An enum's values in the committed supergraph. */
function supergraphEnum(name: string): string[] {
  const document = parse(readFileSync(join(__dirname, '../../../../supergraph.graphql'), 'utf8'));
  const definition = document.definitions.find(
    (node): node is EnumTypeDefinitionNode => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === name,
  );
  return (definition?.values ?? []).map((value) => value.name.value);
}

describe('webhook event types', () => {
  it('name each feed type after its source', () => {
    expect(webhookEventType('task', 'COMPLETION_CONFIRMED')).toBe('TASK_COMPLETION_CONFIRMED');
    expect(webhookEventType('inspection', 'RECORDED')).toBe('INSPECTION_RECORDED');
    expect(WEBHOOK_EVENT_TYPES).toContain('TASK_DELEGATED');
    expect(WEBHOOK_EVENT_TYPES).toContain('INSPECTION_RECOMMENDATION_ANSWERED');
    expect(WEBHOOK_EVENT_TYPES.at(-1)).toBe('FIGURES_CHANGED');
  });

  it("cover every value of the feeds' enums (a new TaskEventType is one line in event-types.ts)", () => {
    expect([...TASK_EVENT_TYPES].sort()).toEqual(supergraphEnum('TaskEventType').sort());
    expect([...INSPECTION_EVENT_TYPES].sort()).toEqual(supergraphEnum('InspectionEventType').sort());
  });

  it('give the payload type in lower case with a dot after the source', () => {
    expect(payloadType('TASK_COMPLETION_CONFIRMED')).toBe('task.completion_confirmed');
    expect(payloadType('INSPECTION_RECOMMENDATION_ANSWERED')).toBe('inspection.recommendation_answered');
    expect(payloadType('FIGURES_CHANGED')).toBe('figures.changed');
  });

  it('tell the source of a type', () => {
    expect(sourceOf('TASK_ASSIGNED')).toBe('task');
    expect(sourceOf('INSPECTION_RECORDED')).toBe('inspection');
    expect(sourceOf('FIGURES_CHANGED')).toBe('figures');
  });
});
