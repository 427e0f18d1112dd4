export {
  startWebhookDispatcher,
  DEFAULT_WEBHOOK_SETTINGS,
  type WebhookSettings,
  type WebhookDispatcherHandle,
  type AttemptOutcome,
} from './dispatcher';
export {
  verifySignature,
  signatureHeader,
  SIGNATURE_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
} from './signature';
