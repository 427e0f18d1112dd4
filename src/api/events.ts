/**
 * The in-process event bus behind subscriptions. One API process sees the writes it makes;
 * several replicas would share a bus (e.g. Redis through @graphql-yoga/redis-event-target).
 */
import { createPubSub } from '@graphql-yoga/subscription';

export interface IncidentRecordedEvent {
  id: string;
}

export interface FindingsChangedEvent {
  companyId: string;
  asOf: string;
  appeared: string[];
  disappeared: string[];
}

export const INCIDENT_RECORDED = 'INCIDENT_RECORDED';
export const FINDINGS_CHANGED = 'FINDINGS_CHANGED';

export function createEvents() {
  return createPubSub<{
    [INCIDENT_RECORDED]: [IncidentRecordedEvent];
    [FINDINGS_CHANGED]: [FindingsChangedEvent];
  }>();
}

export type Events = ReturnType<typeof createEvents>;
