/**
 * What a delivery says. Every body has the same envelope, so that a receiver can route on
 * `event` and deduplicate on `id` (the same in every retry, and in X-GDPR-Graph-Delivery):
 *   {"id", "event", "webhook", "createdAt", "test", "data"}
 * `data` per event:
 *   incidentRecorded  {incident: {id, kind, title, date, status, summary, against, recordedAt}}
 *   findingsChanged   {companyId, asOf, appeared, disappeared} (finding ids; ask `findings`)
 *   proposalReviewed  {proposalId, outcome, reviewedAt, reason}
 */
import type { DatePrecision } from '../../graph/model';
import { partialOf } from '../../graph/partial-date';
import { WIRE_NAMES, type WebhookEvent } from './webhooks.enums';

export interface Envelope {
  id: string;
  event: string;
  webhook: string;
  createdAt: string;
  test: boolean;
  data: unknown;
}

export function envelope(
  delivery: {
    id: string;
    webhookId: string;
    event: WebhookEvent;
    test: boolean;
    createdAt: string;
  },
  data: unknown,
): string {
  const body: Envelope = {
    id: delivery.id,
    event: WIRE_NAMES[delivery.event],
    webhook: delivery.webhookId,
    createdAt: delivery.createdAt,
    test: delivery.test,
    data,
  };
  return JSON.stringify(body);
}

/** The incident as a delivery tells it: its date with the precision the graph knows. */
export function incidentData(facts: Record<string, unknown>): unknown {
  const { day, precision, ...incident } = facts;
  return {
    incident: {
      ...incident,
      date:
        typeof day === 'string'
          ? partialOf(day, (precision as DatePrecision | null) ?? 'DAY')
          : null,
    },
  };
}

/** A test delivery's data: the shape of the event, with values that say they are examples. */
export function sampleData(event: WebhookEvent, now: Date): unknown {
  const today = now.toISOString().slice(0, 10);
  switch (event) {
    case 'INCIDENT_RECORDED':
      return {
        incident: {
          id: 'test-incident',
          kind: 'COMPLAINT',
          title: 'A test delivery: no incident was recorded',
          status: 'FILED',
          summary: 'Sent by testWebhook so that a receiver can check its signature handling.',
          recordedAt: now.toISOString(),
          date: today,
          against: ['test-company'],
        },
      };
    case 'FINDINGS_CHANGED':
      return {
        companyId: 'test-company',
        asOf: today,
        appeared: ['right-only-on-request:test-practice:test-plan:OBJECT'],
        disappeared: [],
      };
    case 'PROPOSAL_REVIEWED':
      return {
        proposalId: 'test-proposal',
        outcome: 'APPROVED',
        reviewedAt: now.toISOString(),
        reason: null,
      };
  }
}
