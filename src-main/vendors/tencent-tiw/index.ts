export { createTiwClient, type TiwClient, type TiwClientOptions, type TiwStartResult } from './client';
export { TIW_API, TIW_DESCRIPTOR } from './descriptor';
export { TIW_ERRORS } from './errors';
export { diffTiwStatus, mapDescribeOnlineRecord, tiwTaskState } from './map';
export { toStartOnlineRecordBody } from './request';
export { tiwCallbackSign, verifyTiwCallback } from './callback';
export { genUserSig, verifyUserSig } from './usersig';
