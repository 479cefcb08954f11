import { setNonce } from 'get-nonce';

/**
 * The style nonce the server writes into index.html for this page load. Mantine puts it on the `<style>` elements
 * it creates, which the Content-Security-Policy otherwise refuses. Absent under the Vite dev server.
 */
export function styleNonce(): string | undefined {
  const value = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return value && !value.startsWith('__') ? value : undefined;
}

/** Hands the nonce to the libraries that insert `<style>` elements of their own (Mantine's modals, via
 * react-remove-scroll, read it from get-nonce). */
export function shareStyleNonce(nonce: string | undefined): void {
  if (nonce) setNonce(nonce);
}
