/** TencentCloud API 3.0 coordinates of TIW online recording. */
export const TIW_API = { defaultBaseUrl: 'https://tiw.tencentcloudapi.com', service: 'tiw', version: '2019-09-19' } as const;

// Re-export for the issue 10 merge; removed by the lead.
export { TIW_DESCRIPTOR } from '@contract';
