import { buildApp } from './build-app.js';

// The CDK CLI runs this file (cdk.json) and reads the assembly the app writes when the process exits.
buildApp();
