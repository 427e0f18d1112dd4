// Tests run in UTC so that dates never shift by a day.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
