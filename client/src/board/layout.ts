// Where each part of the board goes for a given canvas size (landscape or portrait). Pure numbers.
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardLayout {
  portrait: boolean;
  header: Rect;
  ladder: Rect;
  card: Rect;
  tracks: Rect;
  policies: Rect;
}

export function boardLayout(W: number, H: number): BoardLayout {
  const pad = W < 500 ? 10 : 16;
  const headerH = 34;
  if (W >= 720) {
    const lw = Math.round(W - Math.max(310, W * 0.36) - pad * 2.5);
    const rx = pad + lw + pad * 1.5;
    const rw = W - rx - pad;
    const cardH = Math.min(150, Math.round(H * 0.26));
    const tracksH = 5 * 36 + 8;
    return {
      portrait: false,
      header: { x: pad, y: pad / 2, w: W - 2 * pad, h: headerH },
      ladder: { x: pad, y: pad + headerH, w: lw, h: H - headerH - pad * 2 },
      card: { x: rx, y: pad + headerH, w: rw, h: cardH },
      tracks: { x: rx, y: pad + headerH + cardH + pad, w: rw, h: tracksH },
      policies: {
        x: rx,
        y: pad + headerH + cardH + pad * 2 + tracksH,
        w: rw,
        h: Math.max(40, H - (pad * 3 + headerH + cardH + tracksH) - pad),
      },
    };
  }
  const w = W - 2 * pad;
  const ladderH = Math.max(300, Math.round(H * 0.5));
  const cardH = 130;
  const tracksH = 5 * 34 + 8;
  let y = pad + headerH;
  const ladder = { x: pad, y, w, h: ladderH };
  y += ladderH + pad;
  const card = { x: pad, y, w, h: cardH };
  y += cardH + pad;
  const tracks = { x: pad, y, w, h: tracksH };
  y += tracksH + pad / 2;
  return {
    portrait: true,
    header: { x: pad, y: pad / 2, w, h: headerH },
    ladder,
    card,
    tracks,
    policies: { x: pad, y, w, h: Math.max(40, H - y - pad) },
  };
}
