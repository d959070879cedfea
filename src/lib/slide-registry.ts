import type { ComponentType } from 'react';

/**
 * The presentation's slides, in order: a slide is a title key and a component. Adding a slide is registering
 * it with `registerSlide` (shared here, so the feature that owns a slide's data can register it from its own
 * folder; src/features/review/components/Slides.tsx registers the built-in ones).
 */
export interface SlideDef {
  id: string;
  /** i18n key of the slide's title. */
  titleKey: string;
  Component: ComponentType;
}

const slides: SlideDef[] = [];

/** Register a slide; `after` places it after the slide with that id (else at the end). Re-registering replaces. */
export function registerSlide(def: SlideDef, opts: { after?: string } = {}): void {
  const existing = slides.findIndex((s) => s.id === def.id);
  if (existing >= 0) slides.splice(existing, 1);
  const at = opts.after ? slides.findIndex((s) => s.id === opts.after) : -1;
  if (at >= 0) slides.splice(at + 1, 0, def);
  else slides.push(def);
}

export function getSlides(): readonly SlideDef[] {
  return slides;
}
