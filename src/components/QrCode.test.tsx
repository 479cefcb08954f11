import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QrCode, qrPath } from './QrCode';

const uri = 'otpauth://totp/SORACOM:me%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=SORACOM';

/** The dark modules a path draws, as "col,row" strings. */
const modules = (d: string) => [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`);

describe('qrPath', () => {
  it('is the same for the same text', () => {
    expect(qrPath(uri)).toEqual(qrPath(uri));
  });

  it('differs for different text', () => {
    expect(qrPath(uri).d).not.toBe(qrPath(uri.replace('JBSWY3DP', 'KRSXG5CT')).d);
  });

  it('draws square modules only, inside the code', () => {
    const { size, d } = qrPath(uri);
    expect(d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    const drawn = modules(d);
    expect(drawn.length).toBeGreaterThan(0);
    expect(new Set(drawn).size).toBe(drawn.length);
    for (const cell of drawn) {
      const [col, row] = cell.split(',').map(Number);
      expect(col).toBeLessThan(size);
      expect(row).toBeLessThan(size);
    }
  });

  it('is a QR code: its size is 17 + 4 × version, with the finder patterns in three corners', () => {
    const { size, d } = qrPath('hello');
    expect(size).toBe(21);
    expect((size - 17) % 4).toBe(0);
    const dark = new Set(modules(d));
    // The finder patterns' outer rings: top-left, top-right, bottom-left corners are dark.
    for (const [col, row] of [
      [0, 0],
      [6, 0],
      [0, 6],
      [6, 6],
      [size - 1, 0],
      [size - 7, 0],
      [0, size - 1],
      [0, size - 7],
    ]) {
      expect(dark.has(`${col},${row}`)).toBe(true);
    }
    // Each is separated from the data by a light ring, and the bottom-right corner has none.
    expect(dark.has('7,0')).toBe(false);
    expect(dark.has(`${size - 8},0`)).toBe(false);
  });

  it('grows with longer text', () => {
    const sizes = [10, 60, 200, 600].map((n) => qrPath('x'.repeat(n)).size);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? 0);
    expect(qrPath(uri).size).toBeGreaterThan(qrPath('hello').size);
  });
});

describe('QrCode', () => {
  it('is an image with the given label, drawn as one path', () => {
    const { container } = render(<QrCode value={uri} label="QR code for your authenticator app" />);
    const svg = screen.getByRole('img', { name: 'QR code for your authenticator app' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    const paths = container.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    expect(paths[0]?.getAttribute('d')).toBe(qrPath(uri).d);
  });

  it('leaves a quiet zone of four modules around the code, at the size asked for', () => {
    render(<QrCode value="hello" label="Code" px={120} />);
    const svg = screen.getByRole('img', { name: 'Code' });
    expect(svg).toHaveAttribute('viewBox', '-4 -4 29 29');
    expect(svg).toHaveAttribute('width', '120');
    expect(svg).toHaveAttribute('height', '120');
  });

  it('is 200 px by default', () => {
    render(<QrCode value="hello" label="Code" />);
    expect(screen.getByRole('img', { name: 'Code' })).toHaveAttribute('width', '200');
  });

  it('draws the new code when the value changes', () => {
    const { container, rerender } = render(<QrCode value="hello" label="Code" />);
    rerender(<QrCode value={uri} label="Code" />);
    expect(container.querySelector('path')?.getAttribute('d')).toBe(qrPath(uri).d);
  });
});
