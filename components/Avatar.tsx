import { useState } from 'react';

/** How many avatar colours card.css defines (`.avatar-c0` … `.avatar-c11`). */
export const AVATAR_COLOURS = 12;

/** A stable colour index for a name (FNV-1a): the same person always gets the same colour. */
export function avatarColour(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % AVATAR_COLOURS;
}

/** Only inline images: a photo must never make the browser fetch anything. */
function isDataImage(url: string | undefined): url is string {
  return typeof url === 'string' && /^data:image\/[a-z0-9.+-]+[;,]/i.test(url);
}

export interface AvatarProps {
  name: string;
  initials: string;
  /** A data: URL; anything else is ignored and initials are shown. */
  photo?: string;
  size?: 'small' | 'normal';
}

/** Decorative (the name is always next to it): hidden from assistive technology. */
export function Avatar({ name, initials, photo, size = 'normal' }: AvatarProps) {
  const [broken, setBroken] = useState<string | undefined>();
  const className = `avatar avatar-${size}`;
  if (isDataImage(photo) && broken !== photo) {
    return <img className={`${className} avatar-photo`} src={photo} alt="" aria-hidden="true" onError={() => setBroken(photo)} />;
  }
  const letters = initials.trim() || name.trim().charAt(0).toUpperCase() || '?';
  return (
    <span className={`${className} avatar-c${avatarColour(name)}`} aria-hidden="true">
      {letters}
    </span>
  );
}
