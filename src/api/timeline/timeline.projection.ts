/** Timeline entries are maps built by the timeline query; their fields read the map. */
import { defineProjection, entryNode, entryValue, type OrderKey } from '../query/spec';

export const TIMELINE_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.date`, direction: 'ASC', kind: 'date' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

defineProjection({
  typeName: 'TimelineEntry',
  fields: {
    id: entryValue('id'),
    date: entryValue('date'),
    kind: entryValue('kind'),
    title: entryValue('title'),
    changes: entryValue('changes'),
    plan: entryNode('Plan', 'plan'),
    practice: entryNode('Practice', 'practice'),
    previous: entryNode('Practice', 'previous'),
    incident: entryNode('Incident', 'incident'),
  },
});
