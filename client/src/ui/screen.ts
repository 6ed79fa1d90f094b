export interface Screen {
  el: HTMLElement;
  destroy(): void;
}
