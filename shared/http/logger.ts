import { Logger } from '@aws-lambda-powertools/logger';

/** One JSON logger per process; the HTTP wrapper adds the request id to every line. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'laurel' });
