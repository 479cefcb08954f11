import { describe, expect, it } from 'vitest';
import { downloadUrl } from './useExportDownload';

describe('downloadUrl', () => {
  it('follows web addresses, relative ones against the page', () => {
    expect(downloadUrl('/api/local/downloads/abc', 'http://127.0.0.1:8080/usage')).toBe(
      'http://127.0.0.1:8080/api/local/downloads/abc',
    );
    expect(downloadUrl('https://bucket.example/file.csv?sig=1', 'http://x/')).toBe(
      'https://bucket.example/file.csv?sig=1',
    );
  });

  it('refuses anything that would run or is not an address', () => {
    expect(downloadUrl('javascript:alert(1)', 'http://x/')).toBeNull();
    expect(downloadUrl('data:text/html,hi', 'http://x/')).toBeNull();
    expect(downloadUrl('http://', 'http://x/')).toBeNull();
  });
});
