/**
 * Edits not yet saved, registered by the screens that hold them. While there are any, an ended session asks the
 * user to sign in again in place (src/components/session/ReLoginDialog) instead of leaving the page.
 */
import { useEffect } from 'react';

const open = new Set<symbol>();

export const unsavedWork = {
  any: (): boolean => open.size > 0,
  add(): () => void {
    const token = Symbol('unsaved');
    open.add(token);
    return () => {
      open.delete(token);
    };
  },
};

/** Registers unsaved work while `dirty` is true. */
export function useUnsavedWork(dirty: boolean): void {
  useEffect(() => (dirty ? unsavedWork.add() : undefined), [dirty]);
}
