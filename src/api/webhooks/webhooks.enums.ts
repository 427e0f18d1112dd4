/** What a webhook can subscribe to, and where a delivery stands. */
import { registerEnumType } from 'type-graphql';

export const WEBHOOK_EVENTS = [
  'INCIDENT_RECORDED',
  'FINDINGS_CHANGED',
  'PROPOSAL_REVIEWED',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WebhookEventEnum = Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, e])) as {
  [K in WebhookEvent]: K;
};
registerEnumType(WebhookEventEnum, {
  name: 'WebhookEvent',
  description:
    'An event a webhook can subscribe to. Deliveries name it in camel case (X-GDPR-Graph-Event: incidentRecorded).',
  valuesConfig: {
    INCIDENT_RECORDED: { description: 'An incident was recorded (a new one, not an update).' },
    FINDINGS_CHANGED: {
      description: "A write made findings of a company appear or go away (as of the write's day).",
    },
    PROPOSAL_REVIEWED: {
      description: 'A proposal made with the same key was approved or rejected.',
    },
  },
});

/** The name a delivery carries in its body and its X-GDPR-Graph-Event header. */
export const WIRE_NAMES: Record<WebhookEvent, string> = {
  INCIDENT_RECORDED: 'incidentRecorded',
  FINDINGS_CHANGED: 'findingsChanged',
  PROPOSAL_REVIEWED: 'proposalReviewed',
};

export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliveryStatusEnum = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, s])) as {
  [K in DeliveryStatus]: K;
};
registerEnumType(DeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands: still being tried, answered with a 2xx, or given up.',
  valuesConfig: {
    PENDING: { description: 'Not answered with a 2xx yet; another attempt is scheduled.' },
    SUCCEEDED: { description: 'An attempt was answered with a 2xx status.' },
    FAILED: {
      description:
        'Every attempt failed, or the webhook could no longer be delivered to (its key was revoked).',
    },
  },
});
