import type { RecordingRequest, StorageProvider } from '@contract';
import { TRRO_OUTPUT_FORMATS, trroStorageVendor } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/** The non-secret part of a storage target that CreateCloudRecording needs. */
export interface TrroStorageTarget {
  provider: StorageProvider;
  region: string | null;
  bucket: string | null;
  pathPrefix: string | null;
}

/** The target's keys, read from the vault at send time. */
export interface TrroStorageKeys {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Storage as the client receives it. */
export interface TrroStorage {
  target: TrroStorageTarget;
  keys: TrroStorageKeys;
}

function storageError(en: string, zh: string, path: string): AppFailure {
  return new AppFailure('VALIDATION', { en, 'zh-CN': zh }, { details: { issues: [{ path, en, 'zh-CN': zh, severity: 'error' }] } });
}

/**
 * The CreateCloudRecording body: key order as in the documented example, optional fields only when
 * set. FileNamePrefix is the target's path prefix segments followed by the request's own segments.
 */
export function toCreateCloudRecordingBody(request: RecordingRequest, projectId: string, storage: TrroStorage): Record<string, unknown> {
  const vendor = trroStorageVendor(storage.target.provider);
  if (vendor === null) {
    throw storageError('TRRO uploads only to Tencent COS or AWS S3.', 'TRRO 仅支持上传到腾讯云 COS 或 AWS S3。', 'storageTargetId');
  }
  if (!storage.target.bucket || !storage.target.region) {
    throw storageError('The storage target needs a bucket and a region.', '存储目标缺少存储桶或地域。', 'storageTargetId');
  }
  const format = TRRO_OUTPUT_FORMATS[request.output.format as keyof typeof TRRO_OUTPUT_FORMATS];
  const prefix = [...(storage.target.pathPrefix ? storage.target.pathPrefix.split('/') : []), ...request.output.fileNamePrefix];
  const cloudStorage: Record<string, unknown> = {
    Vendor: vendor,
    Bucket: storage.target.bucket,
    Region: storage.target.region,
    AccessKey: storage.keys.accessKeyId,
    SecretKey: storage.keys.accessKeySecret,
  };
  if (prefix.length > 0) cloudStorage['FileNamePrefix'] = prefix;
  const body: Record<string, unknown> = { DeviceId: request.roomId, ProjectId: projectId };
  if (format !== undefined) body['OutputFormat'] = format;
  body['VideoStreamId'] = request.trro.videoStreamId;
  if (request.output.maxFileDurationMin !== null) body['MaxMediaFileDuration'] = request.output.maxFileDurationMin;
  if (request.maxIdleSec !== null) body['MaxIdleTime'] = request.maxIdleSec;
  body['CloudStorage'] = cloudStorage;
  return body;
}
