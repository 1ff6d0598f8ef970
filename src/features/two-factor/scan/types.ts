import type { KeyParseResult } from '../../../lib/authenticator-key';

export type Tab = 'webcam' | 'image' | 'text';
export const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'webcam', label: 'Webcam' },
  { id: 'image', label: 'Image' },
  { id: 'text', label: 'Text' },
];

export type ImageState =
  | { kind: 'idle' }
  | { kind: 'decoding'; name: string }
  | { kind: 'no-qr' }
  | { kind: 'unreadable' };

export interface Decoded {
  result: KeyParseResult;
  via: Tab;
}

/** How the result view names where a key was read from. */
export const VIA: Record<Tab, string> = {
  webcam: 'the webcam',
  image: 'the image',
  text: 'the text',
};
