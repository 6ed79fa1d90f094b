// The Phaser board: draws a BoardModel, animates what changed, and sleeps while nothing moves.
import * as Phaser from "phaser";
import type { BoardModel, LabMark } from "../model";
import { ALIGNED_COLOR, DANGER_COLOR, ROGUE_STYLE, TAI_COLOR, COLORS, hexToNumber, type Shape } from "../theme";
import { boardLayout, type BoardLayout, type Rect } from "./layout";
import { headerLabels, ladderGeometry, ladderLabels, trackLabels, trackRows, type TextLabel } from "./labels";

const INK = "#1b1f24";
const MUTED = "#4b5563";
const PAPER = 0xf7f4ec;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export interface BoardHandle {
  update(model: BoardModel): void;
  /** Areas of the board in CSS pixels relative to the canvas, for the first-match guide. */
  regions(): Record<string, Rect>;
  destroy(): void;
}

class BoardScene extends Phaser.Scene {
  model: BoardModel | null = null;
  prev: BoardModel | null = null;
  layout: BoardLayout | null = null;
  layer!: Phaser.GameObjects.Container;
  fxLayer!: Phaser.GameObjects.Container;
  labTop = new Map<number, { x: number; y: number }>();
  rogueTop = { x: 0, y: 0 };
  poolAt = { x: 0, y: 0 };
  idleFrames = 0;
  playedFx: number | null = null;
  ready = false;
  onReady: (() => void) | null = null;

  /** Device pixels per CSS pixel: the canvas is drawn at full resolution and shown at CSS size. */
  dpr = 1;

  constructor() {
    super({ key: "board" });
  }

  /** The board's size in CSS pixels (the layout's units). */
  get cssW(): number {
    return this.scale.width / this.dpr;
  }
  get cssH(): number {
    return this.scale.height / this.dpr;
  }

  create(): void {
    this.layer = this.add.container(0, 0);
    this.fxLayer = this.add.container(0, 0);
    this.scale.on("resize", this.onResize, this);
    this.ready = true;
    if (this.model) this.redraw(true);
    this.onReady?.();
  }

  alive = true;

  onResize(): void {
    if (!this.alive || !this.sys?.displayList) return;
    this.wake();
    this.redraw(false);
  }

  shutdownBoard(): void {
    this.alive = false;
    this.scale?.off("resize", this.onResize, this);
  }

  override update(): void {
    if (this.tweens.getTweens().length > 0) {
      this.idleFrames = 0;
      return;
    }
    if (++this.idleFrames > 2) {
      this.game.loop.sleep();
      // Tests and tools can see that nothing is drawn while idle.
      (this.game.canvas?.parentElement as HTMLElement | null)?.setAttribute("data-idle", "1");
    }
  }

  wake(): void {
    this.idleFrames = 0;
    (this.game.canvas?.parentElement as HTMLElement | null)?.removeAttribute("data-idle");
    if (!this.game.loop.running) this.game.loop.wake();
  }

  setModel(m: BoardModel): void {
    const same = this.model && JSON.stringify(this.model) === JSON.stringify(m);
    if (same) return;
    this.prev = this.model;
    this.model = m;
    if (!this.ready || !this.alive) return;
    this.wake();
    this.redraw(true);
  }

  text(
    x: number,
    y: number,
    s: string,
    size = 14,
    color = INK,
    opts: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {},
  ): Phaser.GameObjects.Text {
    const t = this.add.text(Math.round(x), Math.round(y), s, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color,
      resolution: this.dpr,
      ...opts,
    });
    this.layer.add(t);
    return t;
  }

  redraw(animate: boolean): void {
    const m = this.model;
    if (!m) return;
    this.layer.removeAll(true);
    this.fxLayer.removeAll(true);
    this.tweens.killAll();
    this.cameras.main.setZoom(this.dpr).setOrigin(0, 0);
    const W = this.cssW;
    const H = this.cssH;
    const L = (this.layout = boardLayout(W, H));
    const g = this.add.graphics();
    this.layer.add(g);
    g.fillStyle(PAPER, 1).fillRect(0, 0, W, H);
    this.drawHeader(m, L);
    this.drawLadder(m, L, g, animate);
    this.drawCard(m, L, g);
    this.drawTracks(m, L, g);
    this.drawPolicies(m, L, g);
    if (animate && m.fxRound !== null && m.fxRound !== this.playedFx) {
      // The first picture after mounting (a reload, a late join) does not replay an old round.
      if (this.prev !== null) this.playFx(m);
      this.playedFx = m.fxRound;
    }
  }

  /** Draws placed labels (see labels.ts: the same boxes the tests check). */
  drawLabels(labels: TextLabel[], only?: (l: TextLabel) => boolean): Map<string, Phaser.GameObjects.Text> {
    const out = new Map<string, Phaser.GameObjects.Text>();
    for (const l of labels) {
      if (only && !only(l)) continue;
      const t = this.text(l.x, l.y, l.text, l.size, l.color, {
        fontStyle: l.bold ? "bold" : "normal",
        ...(l.bg ? { backgroundColor: "#ffffffd9", padding: { x: 2, y: 0 } } : {}),
      }).setOrigin(l.ox, l.oy);
      out.set(l.id, t);
    }
    return out;
  }

  drawHeader(m: BoardModel, L: BoardLayout): void {
    this.drawLabels(headerLabels(m, L));
  }

  drawLadder(m: BoardModel, L: BoardLayout, g: Phaser.GameObjects.Graphics, animate: boolean): void {
    const r = L.ladder;
    const G = ladderGeometry(m, r);
    const { x0, yBase, unit, colW, barW, yOf } = G;
    // frame and axis
    g.fillStyle(0xffffff, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    g.lineStyle(1, 0xd6d3cb, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
    const step = m.top > 16 ? 4 : m.top > 9 ? 2 : 1;
    for (let v = 0; v <= m.top; v += step) g.lineStyle(1, 0xeeeae0, 1).lineBetween(x0, yOf(v), r.x + r.w - 8, yOf(v));
    // A small key: outlined bar = capability, green bar = aligned level.
    const kx = r.x + 90;
    if (r.w >= 480) {
      g.fillStyle(0xdbe9f5, 1).fillRect(kx, r.y + 10, 12, 12);
      g.lineStyle(2, 0x0072b2, 1).strokeRect(kx, r.y + 10, 12, 12);
      this.text(kx + 16, r.y + 9, "capability", 11, MUTED);
      g.fillStyle(hexToNumber(ALIGNED_COLOR), 1).fillRect(kx + 80, r.y + 10, 8, 12);
      this.text(kx + 92, r.y + 9, "aligned", 11, MUTED);
    }
    // danger line and TAI line
    const yd = yOf(m.danger);
    dashed(g, x0, yd, r.x + r.w - 8, yd, hexToNumber(DANGER_COLOR), 3, 10, 6);
    const yt = yOf(m.tai);
    g.lineStyle(4, hexToNumber(TAI_COLOR), 1).lineBetween(x0, yt, r.x + r.w - 8, yt);
    // columns: labs then rogue
    const n = m.labs.length + 1;
    this.labTop.clear();
    m.labs.forEach((lab, i) => this.drawLab(lab, G.colX(i), barW, colW, yBase, unit, g, animate));
    // rogue
    const cx = G.colX(n - 1);
    const rg = m.rogue;
    const rc = hexToNumber(ROGUE_STYLE.color);
    if (!rg.exact) {
      g.fillStyle(rc, 0.15).fillRect(cx - barW / 2 - 6, yOf(rg.hi), barW + 12, Math.max(2, (rg.hi - rg.lo) * unit));
      g.lineStyle(1, rc, 0.6).strokeRect(cx - barW / 2 - 6, yOf(rg.hi), barW + 12, Math.max(2, (rg.hi - rg.lo) * unit));
    }
    const rogueBar = this.add.rectangle(cx, yBase, barW, Math.max(1, rg.value * unit), rc, 0.85).setOrigin(0.5, 1);
    rogueBar.setStrokeStyle(2, 0x7a2e00);
    this.layer.add(rogueBar);
    for (let v = 1; v <= Math.floor(rg.value); v++)
      this.layer.add(
        this.add
          .text(cx, yOf(v) + unit / 2, "✖", {
            fontFamily: FONT,
            fontSize: `${Math.max(9, Math.min(14, unit * 0.7))}px`,
            color: "#ffffff",
          })
          .setOrigin(0.5),
      );
    this.rogueTop = { x: cx, y: yOf(rg.value) };
    const pr = this.prev?.rogue.value;
    if (animate && pr !== undefined && pr < rg.value && rg.value > 0) {
      rogueBar.scaleY = Math.max(0.05, pr / rg.value);
      this.tweens.add({ targets: rogueBar, scaleY: 1, duration: 900, delay: 900, ease: "Cubic.easeOut" });
    }
    // leak pool intel, above the rogue column
    const py = r.y + 22;
    this.poolAt = { x: cx, y: py };
    const drops = m.intel === "none" ? (m.leakNow ? 1 : 0) : m.intel === "some" ? 1 : 3;
    g.fillStyle(m.leakNow ? 0xffe066 : 0xfff8c2, 1).fillCircle(cx, py, 15);
    g.lineStyle(2, 0x8a7a00, 1).strokeCircle(cx, py, 15);
    for (let k = 0; k < drops; k++) g.fillStyle(0x6b5d00, 1).fillCircle(cx - 6 + k * 6, py + 2, 2.6);
    // Every label of the ladder, placed so that none overlaps another (labels.ts).
    const texts = this.drawLabels(ladderLabels(m, r));
    for (const lab of m.labs) this.animatePlus(lab, texts.get(`cap-${lab.seat}`), animate);
  }

  /** "+N" above a lab's capability label when it grew this round: it rises from above the number, never over it. */
  animatePlus(lab: LabMark, capLabel: Phaser.GameObjects.Text | undefined, animate: boolean): void {
    const prevLab = this.prev?.labs.find((l) => l.seat === lab.seat);
    if (!animate || !prevLab || prevLab.cap >= lab.cap || !capLabel) return;
    const b = capLabel.getBounds();
    const plus = this.text(b.centerX, b.top - 2, `+${fmt(lab.cap - prevLab.cap)}`, 16, "#003f66", {
      fontStyle: "bold",
    }).setOrigin(0.5, 1);
    this.fxLayer.add(plus);
    this.tweens.add({ targets: plus, y: plus.y - 22, alpha: 0, duration: 1400, delay: 500 });
  }

  drawLab(
    lab: LabMark,
    cx: number,
    barW: number,
    _colW: number,
    yBase: number,
    unit: number,
    g: Phaser.GameObjects.Graphics,
    animate: boolean,
  ): void {
    const color = hexToNumber(lab.style.color);
    const capH = Math.max(1, lab.cap * unit);
    const bar = this.add.rectangle(cx, yBase, barW, capH, color, 0.28).setOrigin(0.5, 1);
    bar.setStrokeStyle(lab.mine ? 3 : 2, color, 1);
    this.layer.add(bar);
    const prevLab = this.prev?.labs.find((l) => l.seat === lab.seat);
    if (animate && prevLab && prevLab.cap < lab.cap) {
      bar.scaleY = Math.max(0.05, prevLab.cap / lab.cap);
      this.tweens.add({ targets: bar, scaleY: 1, duration: 800, ease: "Back.easeOut" });
    }
    // aligned level inside the bar, never drawn taller than the capability bar (not even while it animates down)
    const aw = Math.max(8, barW * 0.48);
    if (lab.aligned !== null) {
      const shown = Math.min(lab.aligned, lab.cap);
      const ah = Math.max(0, shown * unit);
      const al = this.add.rectangle(cx, yBase, aw, Math.max(1, ah), hexToNumber(ALIGNED_COLOR), 0.95).setOrigin(0.5, 1);
      al.setStrokeStyle(1, 0x004d38);
      this.layer.add(al);
      if (animate && prevLab && prevLab.aligned !== null && prevLab.aligned > lab.aligned && ah > 0) {
        al.scaleY = Math.min(lab.cap, prevLab.aligned) / Math.max(0.01, shown);
        this.tweens.add({ targets: al, scaleY: 1, duration: 900, delay: 300, ease: "Bounce.easeOut" });
      }
    }
    // the lab's mark at the top of its bar (its labels are placed by ladderLabels)
    const topY = yBase - capH;
    drawShape(g, lab.style.shape, cx, topY - 10, 8, color);
    this.labTop.set(lab.seat, { x: cx, y: topY });
  }

  drawCard(m: BoardModel, L: BoardLayout, g: Phaser.GameObjects.Graphics): void {
    const r = L.card;
    g.fillStyle(0xfffdf6, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    g.lineStyle(2, 0x9a8f72, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
    if (m.end) {
      this.text(r.x + 12, r.y + 10, "The match has ended", 13, MUTED, { fontStyle: "bold" });
      this.text(r.x + 12, r.y + 32, m.end.cause, 15, INK, { wordWrap: { width: r.w - 24 }, fontStyle: "bold" });
      return;
    }
    const n = m.news[0];
    this.text(
      r.x + 12,
      r.y + 8,
      m.news.length > 1 ? `News of the round (1 of ${m.news.length})` : "News of the round",
      12,
      MUTED,
      { fontStyle: "bold" },
    );
    if (!n) {
      this.text(r.x + 12, r.y + 30, "No news yet.", 14, MUTED);
      return;
    }
    const head = this.text(r.x + 12, r.y + 26, n.headline, 16, INK, {
      fontStyle: "bold",
      wordWrap: { width: r.w - 24 },
    });
    const body = this.text(r.x + 12, head.y + head.height + 4, n.text, 13, INK, { wordWrap: { width: r.w - 24 } });
    // Shrink the text if the card overflows.
    if (body.y + body.height > r.y + r.h - 6) body.setFontSize(11);
    if (body.y + body.height > r.y + r.h - 6)
      body.setText(n.text.slice(0, Math.max(40, Math.floor(n.text.length * 0.6))) + "…");
  }

  drawTracks(m: BoardModel, L: BoardLayout, g: Phaser.GameObjects.Graphics): void {
    const r = L.tracks;
    const colors = [COLORS.blue, COLORS.purple, COLORS.green, COLORS.sky, COLORS.orange].map(hexToNumber);
    const rows = trackRows(m);
    const rowH = (r.h - 8) / rows.length;
    const labelW = Math.min(150, r.w * 0.4);
    rows.forEach((row, i) => {
      const y = r.y + 4 + rowH * i + rowH / 2;
      const color = colors[i];
      const px = r.x + labelW;
      const pw = r.w - labelW - 52;
      const gap = pw / 10;
      const rad = Math.max(4, Math.min(10, gap * 0.38));
      for (let k = 1; k <= row.max; k++) {
        const cx = px + gap * (k - 0.5);
        const fill = row.value >= k ? 1 : row.value >= k - 0.5 ? 0.5 : 0;
        const mark = row.marks?.includes(k);
        g.lineStyle(2, color, 1);
        if (mark) {
          g.fillStyle(0xffffff, 1).fillRect(cx - rad, y - rad, rad * 2, rad * 2);
          if (fill === 1) g.fillStyle(color, 1).fillRect(cx - rad, y - rad, rad * 2, rad * 2);
          g.strokeRect(cx - rad, y - rad, rad * 2, rad * 2);
        } else {
          g.fillStyle(0xffffff, 1).fillCircle(cx, y, rad);
          if (fill === 1) g.fillStyle(color, 1).fillCircle(cx, y, rad);
          else if (fill === 0.5)
            g.fillStyle(color, 1)
              .slice(cx, y, rad, Math.PI / 2, (3 * Math.PI) / 2)
              .fillPath();
          g.strokeCircle(cx, y, rad);
        }
      }
    });
    this.drawLabels(trackLabels(m, r));
  }

  drawPolicies(m: BoardModel, L: BoardLayout, g: Phaser.GameObjects.Graphics): void {
    const r = L.policies;
    this.text(r.x, r.y, "Policies in force", 13, MUTED, { fontStyle: "bold" });
    if (m.policies.length === 0) {
      this.text(r.x, r.y + 20, "none", 13, MUTED);
      return;
    }
    let x = r.x;
    let y = r.y + 20;
    for (const p of m.policies) {
      const t = this.text(0, 0, `§ ${p.name}`, 13, INK);
      const w = t.width + 16;
      if (x + w > r.x + r.w) {
        x = r.x;
        y += 28;
      }
      g.fillStyle(0xe8f1fb, 1).fillRoundedRect(x, y, w, 24, 12);
      g.lineStyle(1, hexToNumber(COLORS.blue), 1).strokeRoundedRect(x, y, w, 24, 12);
      t.setPosition(Math.round(x + 8), Math.round(y + 4));
      x += w + 6;
    }
  }

  playFx(m: BoardModel): void {
    let leakIndex = 0;
    for (const f of m.fx) {
      if (f.kind === "leak") {
        const from = (f.seat !== undefined && this.labTop.get(f.seat)) || this.middleLab();
        this.leakFlow(from, leakIndex++);
      } else if (f.kind === "paradigm") {
        const at = (f.seat !== undefined && this.labTop.get(f.seat)) || null;
        this.cameras.main.shake(350, 0.006);
        this.banner(
          at ? at.x : this.cssW * 0.3,
          at ? at.y - 40 : (this.layout?.ladder.y ?? 40) + 60,
          "Paradigm shift! Old alignment stops applying",
          "#a33a00",
        );
      } else if (f.kind === "compounding") {
        this.banner(this.rogueTop.x, this.rogueTop.y - 30, "Rogue speeds up", "#a33a00", 1400);
      } else if (f.kind === "catastrophe") {
        const flash = this.add.rectangle(0, 0, this.cssW, this.cssH, hexToNumber(TAI_COLOR), 0.35).setOrigin(0);
        this.fxLayer.add(flash);
        this.tweens.add({ targets: flash, alpha: 0, duration: 1400 });
      } else if (f.kind === "milestone") {
        const r = this.layout!.tracks;
        this.banner(r.x + r.w / 2, r.y + 10, "Theory milestone!", "#003f66", 900);
      }
    }
  }

  middleLab(): { x: number; y: number } {
    const all = [...this.labTop.values()];
    if (all.length === 0) return { x: this.cssW / 3, y: this.cssH / 2 };
    return all[Math.floor(all.length / 2)];
  }

  leakFlow(from: { x: number; y: number }, index: number): void {
    for (let k = 0; k < 6; k++) {
      const dot = this.add.circle(from.x, from.y, 7, hexToNumber(COLORS.yellow), 1).setStrokeStyle(2, 0x5c5000);
      this.fxLayer.add(dot);
      const delay = index * 500 + k * 110;
      this.tweens.chain({
        targets: dot,
        tweens: [
          { x: this.poolAt.x, y: this.poolAt.y, duration: 1100, ease: "Sine.easeInOut", delay },
          { x: this.rogueTop.x, y: this.rogueTop.y, duration: 800, ease: "Quad.easeIn", delay: 250 },
          { alpha: 0, duration: 200 },
        ],
      });
    }
    this.banner(from.x, from.y - 34, "Leak! Know-how escapes to the pool", "#5c5000", 1800 + index * 500);
  }

  banner(x: number, y: number, text: string, color: string, hold = 2400): void {
    const t = this.add
      .text(Math.round(x), Math.round(y), text, {
        fontFamily: FONT,
        fontSize: "16px",
        color,
        fontStyle: "bold",
        backgroundColor: "#ffffffee",
        padding: { x: 6, y: 3 },
        resolution: this.dpr,
      })
      .setOrigin(0.5, 1);
    if (t.width > this.cssW - 12) t.setWordWrapWidth(this.cssW - 24);
    const maxX = this.cssW - t.width / 2 - 4;
    t.x = Math.max(t.width / 2 + 4, Math.min(maxX, t.x));
    // Never above the ladder's top (the chart's edge) nor off the board.
    const top = (this.layout?.ladder.y ?? 0) + 4;
    t.y = Math.max(top + t.height, Math.min(this.cssH - 4, t.y));
    this.fxLayer.add(t);
    this.tweens.add({ targets: t, alpha: 0, y: t.y - 12, duration: 600, delay: hold });
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function dashed(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y: number,
  x2: number,
  _y2: number,
  color: number,
  width: number,
  dash: number,
  gap: number,
): void {
  g.lineStyle(width, color, 1);
  for (let x = x1; x < x2; x += dash + gap) g.lineBetween(x, y, Math.min(x + dash, x2), y);
}

function drawShape(g: Phaser.GameObjects.Graphics, shape: Shape, x: number, y: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  g.lineStyle(1.5, 0x1b1f24, 1);
  switch (shape) {
    case "circle":
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      break;
    case "square":
      g.fillRect(x - r, y - r, 2 * r, 2 * r);
      g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      break;
    case "triangle":
      g.fillTriangle(x, y - r, x + r, y + r, x - r, y + r);
      g.strokeTriangle(x, y - r, x + r, y + r, x - r, y + r);
      break;
    case "diamond": {
      const pts = [
        new Phaser.Math.Vector2(x, y - r),
        new Phaser.Math.Vector2(x + r, y),
        new Phaser.Math.Vector2(x, y + r),
        new Phaser.Math.Vector2(x - r, y),
      ];
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      break;
    }
    case "cross":
      g.lineStyle(3, color, 1);
      g.lineBetween(x - r, y - r, x + r, y + r);
      g.lineBetween(x - r, y + r, x + r, y - r);
      break;
  }
}

export function mountBoard(parent: HTMLElement): BoardHandle {
  const scene = new BoardScene();
  const dpr = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  scene.dpr = dpr;
  const size = () => ({ w: Math.max(200, parent.clientWidth || 800), h: Math.max(200, parent.clientHeight || 560) });
  const first = size();
  // The canvas holds device pixels and is shown at CSS size (zoom 1/dpr): crisp on phones and retina screens.
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: "#f7f4ec",
    scale: { mode: Phaser.Scale.NONE, width: first.w * dpr, height: first.h * dpr, zoom: 1 / dpr },
    scene: [scene],
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    render: { antialias: true, powerPreference: "low-power" },
  } as Phaser.Types.Core.GameConfig);
  let last = `${first.w}x${first.h}`;
  const observer = new ResizeObserver(() => {
    const { w, h } = size();
    const key = `${w}x${h}`;
    if (key === last) return;
    last = key;
    game.scale.resize(w * dpr, h * dpr);
    game.scale.setZoom(1 / dpr);
  });
  observer.observe(parent);
  game.canvas?.setAttribute("aria-hidden", "true");
  return {
    update(model) {
      scene.setModel(model);
    },
    regions() {
      const L = scene.layout;
      if (!L) return {};
      const m = scene.model;
      const ladder = L.ladder;
      const out: Record<string, Rect> = { ladder, card: L.card, tracks: L.tracks, policies: L.policies };
      if (m) {
        const n = m.labs.length + 1;
        const colW = (ladder.w - 42) / n;
        out.labs = { x: ladder.x + 34, y: ladder.y, w: colW * m.labs.length, h: ladder.h };
        out.rogue = { x: ladder.x + 34 + colW * m.labs.length, y: ladder.y, w: colW, h: ladder.h };
        const usable = ladder.h - 64 - 40;
        const yOf = (v: number) => ladder.y + ladder.h - 64 - (v * usable) / m.top;
        out.lines = { x: ladder.x, y: yOf(m.tai) - 24, w: ladder.w, h: yOf(m.danger) - yOf(m.tai) + 32 };
      }
      return out;
    },
    destroy() {
      observer.disconnect();
      scene.shutdownBoard();
      game.destroy(true);
    },
  };
}
