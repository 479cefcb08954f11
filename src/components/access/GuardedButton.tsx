import { Button, type ButtonProps, Tooltip } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A button the signed-in account may not be allowed to use: when `refusal` is set it stays focusable but does
 * nothing, says why in a tooltip, and names the reason for screen readers.
 */
export function GuardedButton({
  refusal,
  onClick,
  children,
  disabled,
  ...props
}: ButtonProps & { refusal: string | null; onClick?: () => void; children: ReactNode; type?: 'button' | 'submit' }) {
  const id = useId();
  if (!refusal) {
    return (
      <Button {...props} disabled={disabled} onClick={onClick}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip label={refusal} multiline maw={320} withinPortal>
      <Button
        {...props}
        data-disabled
        aria-disabled="true"
        aria-describedby={id}
        onClick={(event: React.MouseEvent) => event.preventDefault()}
      >
        {children}
        <span id={id} hidden>
          {refusal}
        </span>
      </Button>
    </Tooltip>
  );
}
