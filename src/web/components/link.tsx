/** An in-app link: a real `<a href>` (open in new tab works) that navigates without reloading. */
import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { isPlainLeftClick, navigate } from '../router';

export function Link({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode; 'data-testid'?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainLeftClick(e)) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={to} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
