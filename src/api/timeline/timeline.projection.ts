/** Timeline entries are maps built by the timeline query; their fields read the map. */
import { defineProjection, type OrderKey } from '../query/spec';

export const TIMELINE_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.date`, direction: 'ASC', kind: 'date' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

const entry = (name: string) => ({
  kind: 'expression' as const,
  expr: (v: string) => `${v}.${name}`,
});
const node = (target: string, name: string) => ({
  kind: 'nodeExpression' as const,
  target,
  many: false,
  expr: (v: string) => `${v}.${name}`,
});

defineProjection({
  typeName: 'TimelineEntry',
  fields: {
    id: entry('id'),
    date: entry('date'),
    kind: entry('kind'),
    title: entry('title'),
    changes: entry('changes'),
    plan: node('Plan', 'plan'),
    practice: node('Practice', 'practice'),
    previous: node('Practice', 'previous'),
    incident: node('Incident', 'incident'),
  },
});
