import { defineProjection, type OrderKey } from '../query/spec';

export const AUDIT_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.at`, direction: 'DESC', kind: 'datetime' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

defineProjection({
  typeName: 'AuditEntry',
  fields: Object.fromEntries(
    ['id', 'at', 'keyId', 'operation', 'source', 'counts', 'changedIds'].map((f) => [
      f,
      { kind: 'property' as const },
    ]),
  ),
});
