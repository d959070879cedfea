import { useEffect } from 'react';
import { applyViewFromUrl, syncUrlWithView } from '../lib/url-sync';

// A shared link's view is applied when this module loads: before the first render, after the persisted settings.
applyViewFromUrl(window.location.search);

/** The address bar follows the view from then on. */
export function useShareableView(): void {
  useEffect(() => syncUrlWithView(), []);
}
