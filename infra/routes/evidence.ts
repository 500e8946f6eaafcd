import { EntryParams } from '../../shared/contract/common.js';
import { EvidenceParams, RequestEvidenceUploadBody } from '../../shared/contract/evidence.js';
import { httpRoute, type S3EventRoute } from '../route-types.js';
import { entrant, IdempotencyKey, signedIn } from './audiences.js';

export const evidenceRoutes = {
  requestEvidenceUpload: httpRoute({
    id: 'requestEvidenceUpload',
    method: 'POST',
    path: '/entries/{entryId}/evidence',
    handler: 'functions/evidence/request-evidence-upload.ts',
    audience: entrant,
    // put: the presigned POST is signed with this function's credentials.
    access: { table: 'write', bucket: ['put'] },
    summary: 'Declare an evidence file and get a presigned POST to upload it straight to storage',
    tag: 'Evidence',
    schemas: { params: EntryParams, body: RequestEvidenceUploadBody, headers: IdempotencyKey },
    successStatus: 201,
  }),
  listEvidence: httpRoute({
    id: 'listEvidence',
    method: 'GET',
    path: '/entries/{entryId}/evidence',
    handler: 'functions/evidence/list-evidence.ts',
    audience: signedIn,
    access: { table: 'read' },
    summary: "An entry's evidence files and whether each is pending, available or rejected",
    tag: 'Evidence',
    schemas: { params: EntryParams },
  }),
  getEvidenceDownload: httpRoute({
    id: 'getEvidenceDownload',
    method: 'GET',
    path: '/entries/{entryId}/evidence/{evidenceId}',
    handler: 'functions/evidence/get-evidence-download.ts',
    audience: signedIn,
    access: { table: 'read', bucket: ['get'] },
    summary: 'A one-minute download link for a checked evidence file',
    tag: 'Evidence',
    schemas: { params: EvidenceParams },
  }),
  deleteEvidence: httpRoute({
    id: 'deleteEvidence',
    method: 'DELETE',
    path: '/entries/{entryId}/evidence/{evidenceId}',
    handler: 'functions/evidence/delete-evidence.ts',
    audience: entrant,
    access: { table: 'write', bucket: ['delete'] },
    summary: 'Remove an evidence file from a draft, and its stored object',
    tag: 'Evidence',
    schemas: { params: EvidenceParams },
    successStatus: 204,
  }),
  onEvidenceUploaded: {
    kind: 's3',
    id: 'onEvidenceUploaded',
    handler: 'functions/evidence/on-uploaded.ts',
    prefix: 'entries/',
    access: { table: 'write', bucket: ['get', 'delete'] },
    summary: 'Checks each uploaded evidence object (size, type, first bytes) and marks it available or rejected',
  } satisfies S3EventRoute,
} as const;
