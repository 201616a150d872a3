// A WCAG 2.x AA text-contrast audit run inside the page: every visible element with its own text
// is checked against the background it sits on (semi-transparent layers composited), 4.5:1 for
// normal text and 3:1 for large text. Disabled controls are exempt, as WCAG allows. Installed as
// an init script (CDP), so the app's CSP does not block it; tests call window.__contrastAudit().
import type { BrowserContext, Page } from 'playwright-core';

const SCRIPT = `
(() => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return { rgb: [0, 0, 0], a: 0 };
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => top.rgb.map((v, i) => v * top.a + bottom[i] * (1 - top.a));
  const lum = (rgb) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255]);
  };
  window.__contrastAudit = () => {
    const issues = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (!own || el.closest('[aria-hidden="true"], .visually-hidden, :disabled, fieldset:disabled, script, style, noscript')) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
      const bg = background(el);
      const fg = over(parse(s.color), bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) issues.push({ text: el.textContent.trim().slice(0, 60), ratio: Math.round(ratio * 100) / 100, color: s.color, size });
    }
    return issues;
  };
})();
`;

export interface ContrastIssue {
  text: string;
  ratio: number;
  color: string;
  size: number;
}

export async function installContrastAudit(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SCRIPT });
}

export async function contrastIssues(page: Page): Promise<ContrastIssue[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { __contrastAudit(): ContrastIssue[] }).__contrastAudit(),
  );
}
