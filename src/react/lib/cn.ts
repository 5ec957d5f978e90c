import { type ClassValue, clsx } from 'clsx';

/**
 * Joins class names, the caller's last. There is no tailwind-merge: the library's own utilities carry
 * the `ip:` prefix, so a host's classes never conflict with them by name, and tailwind-merge would
 * cost 9 KiB gzip of every app's bundle.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
