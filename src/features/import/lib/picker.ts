/**
 * The import panel's file input, so that "Muat data" in the header opens the same picker (the panel stays
 * mounted while other views are shown). A click from a user gesture may open a file dialog; this is one.
 */
let input: HTMLInputElement | null = null;

export function registerFilePicker(el: HTMLInputElement | null): void {
  input = el;
}

export function openFilePicker(): void {
  input?.click();
}
