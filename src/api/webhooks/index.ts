export {
  startWebhookDispatcher,
  DEFAULT_WEBHOOK_SETTINGS,
  type WebhookSettings,
  type WebhookDispatcherHandle,
} from './dispatcher';
export {
  verifySignature,
  signatureHeader,
  SIGNATURE_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
} from './signature';
