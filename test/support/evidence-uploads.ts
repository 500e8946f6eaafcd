import { crc32, deflateSync } from 'node:zlib';
import type { ApiAnswer, LocalWorld } from './local-world.js';

/** What POST /entries/{entryId}/evidence answers. */
export interface UploadGrant {
  evidenceId: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/**
 * A valid one-page PDF with a correct cross-reference table; with `atLeast`, its page's content
 * stream is padded with whitespace until the file has at least that many bytes.
 */
export function samplePdf(atLeast = 0): Uint8Array {
  const fixed = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  const build = (padding: number) => {
    const content = `BT /F1 12 Tf 72 712 Td (Evidence) Tj ET\n${' '.repeat(padding)}`;
    const objects = [...fixed, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
    const offsets = objects.map((object, i) => {
      const offset = body.length;
      body += `${i + 1} 0 obj\n${object}\nendobj\n`;
      return offset;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return latin1(body);
  };
  const bare = build(0);
  // The /Length digits grow with the padding, so aim a few bytes high.
  return bare.length >= atLeast ? bare : build(atLeast - bare.length + 8);
}

/** A complete 1×1 grey PNG. */
export function samplePng(): Uint8Array {
  const u32 = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
  const chunk = (type: string, data: Uint8Array) => {
    const typed = Buffer.concat([latin1(type), data]);
    return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(1), u32(1), Buffer.from([8, 0, 0, 0, 0])])),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Asks the API for an upload grant. */
export function requestUpload(
  world: LocalWorld,
  token: string,
  entryId: string,
  declared: { fileName: string; contentType: string; size: number },
): Promise<ApiAnswer<UploadGrant>> {
  return world.call('POST', `/entries/${entryId}/evidence`, { token, body: declared });
}

/** Uploads as a browser would: a multipart/form-data POST of the grant's fields, then the file, straight to S3. */
export async function postToStorage(
  grant: UploadGrant,
  bytes: Uint8Array,
  fileName = 'upload.bin',
  fields: Record<string, string> = grant.upload.fields,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fields['Content-Type'] ?? 'application/octet-stream' }), fileName);
  const answer = await fetch(grant.upload.url, { method: 'POST', body: form });
  await answer.arrayBuffer();
  return answer;
}

/** Requests, uploads and waits for the check; returns the grant and the file's listed state. */
export async function uploadEvidence(
  world: LocalWorld,
  token: string,
  entryId: string,
  file: { fileName: string; contentType: string; bytes: Uint8Array; declaredSize?: number },
) {
  const grant = await requestUpload(world, token, entryId, {
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.declaredSize ?? file.bytes.length,
  });
  if (grant.status !== 201) throw new Error(`evidence request: ${grant.text}`);
  const stored = await postToStorage(grant.body, file.bytes, file.fileName);
  if (!stored.ok) throw new Error(`storage POST answered ${stored.status}`);
  await world.stack.gateway.settled();
  const listed = await world.call('GET', `/entries/${entryId}/evidence`, { token });
  const item = (listed.body.items as { evidenceId: string }[]).find((i) => i.evidenceId === grant.body.evidenceId);
  return { grant: grant.body, item: item as Record<string, unknown> };
}
