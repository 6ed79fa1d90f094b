// The aria-live announcer: round events and phase changes read out to screen readers.
let queue: string[] = [];
let timer: number | null = null;

export function announce(text: string): void {
  queue.push(text);
  if (timer !== null) return;
  timer = window.setTimeout(flush, 50);
}

function flush(): void {
  timer = null;
  const el = document.getElementById("announcer");
  if (!el) return;
  // Keep a short log so that repeated identical messages are read again.
  for (const t of queue) el.appendChild(Object.assign(document.createElement("p"), { textContent: t }));
  queue = [];
  while (el.childElementCount > 12) el.firstElementChild?.remove();
}

export function alertText(text: string): void {
  const el = document.getElementById("alert");
  if (el) el.textContent = text;
}
