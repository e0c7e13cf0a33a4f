/** TencentCloud API 3.0 coordinates of TIW online recording. */
export const TIW_API = { defaultBaseUrl: 'https://tiw.tencentcloudapi.com', service: 'tiw', version: '2019-09-19' } as const;
