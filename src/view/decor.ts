import { lossSegment, TEXT, type NetworkLayout } from './network-layout.ts';
import type { NetworkViewModel } from './network-view-model.ts';
import { svgChild } from './svg.ts';

/**
 * The parts of the diagram that are not selectable: layer headers, the bias nodes ("1"),
 * and the links from the outputs to the loss. Recreated only when the shape changes.
 */
export interface Decor {
  /** (Re)creates the elements for a model's shape; `stages` holds one ordered group per layer. */
  join(vm: NetworkViewModel, stages: SVGGElement): void;
  /** Positions everything for a layout. */
  place(layout: NetworkLayout): void;
  /** Header texts (activation, bias, loss function), written only when they change. */
  update(vm: NetworkViewModel, layout: NetworkLayout, geom: number): void;
}

/** The header of a layer: "input", "ReLU + b", "σ", and "loss · BCE" for the loss column. */
export function layerHeader(vm: NetworkViewModel, l: number): string {
  if (l >= vm.layers.length) return `loss · ${vm.lossFunction}`;
  const layer = vm.layers[l];
  if (layer.kind === 'input') return 'input';
  return layer.bias ? `${layer.activationLabel} + b` : layer.activationLabel;
}

/**
 * Where the loss column's header goes: centred over the loss node but kept inside the
 * diagram's right edge, and dropped a line when it would run into the output layer's header.
 */
export function lossHeaderPlacement(
  layout: NetworkLayout,
  text: string,
  outputHeader: string,
): { x: number; drop: boolean } {
  const half = (text.length * TEXT.charWidth) / 2;
  const x = Math.max(half + 2, Math.min(layout.loss.x, layout.width - half - 4));
  const outputRight = layout.columnX[layout.depth] + (outputHeader.length * TEXT.charWidth) / 2;
  return { x, drop: x - half < outputRight + 8 };
}

export function createDecor(headers: SVGGElement, lossLinks: SVGGElement): Decor {
  let headerEls: SVGTextElement[] = [];
  let headerTexts: string[] = [];
  let biasNodes: (SVGGElement | null)[] = [];
  let links: SVGLineElement[] = [];
  let placedGeom = -1;

  return {
    join(vm, stages) {
      headers.replaceChildren();
      headerEls = [];
      headerTexts = [];
      for (let l = 0; l <= vm.layers.length; l++) {
        const t = svgChild(headers, 'text', 'bp-header');
        headerEls.push(t);
        headerTexts.push('');
      }
      const stageEls = Array.from(stages.children).filter((el) => el.classList.contains('bp-stage'));
      biasNodes = vm.layers.slice(1).map((layer, l) => {
        const holder = stageEls[l + 1]?.querySelector(':scope > g.bp-bias-decor') as SVGGElement | null;
        if (!holder) return null;
        holder.replaceChildren();
        if (!layer.bias) return null;
        const g = svgChild(holder, 'g', 'bp-bias-node');
        svgChild(g, 'circle');
        const one = svgChild(g, 'text');
        one.setAttribute('dy', '0.35em');
        one.textContent = '1';
        return g;
      });
      lossLinks.replaceChildren();
      const outputs = vm.layers[vm.layers.length - 1]?.size ?? 0;
      links = [];
      for (let j = 0; j < outputs; j++) links.push(svgChild(lossLinks, 'line', 'bp-loss-link'));
      placedGeom = -1;
    },
    place(layout) {
      for (let l = 0; l < biasNodes.length; l++) {
        const g = biasNodes[l];
        const c = layout.biasNodes[l];
        if (!g || !c) continue;
        g.setAttribute('transform', `translate(${c.x},${c.y})`);
        g.firstElementChild?.setAttribute('r', String(c.r));
        g.lastElementChild?.setAttribute('font-size', String(Math.min(TEXT.fontSize, c.r * 1.3)));
      }
      for (let j = 0; j < links.length; j++) {
        const s = lossSegment(layout, j);
        links[j].setAttribute('x1', String(s.x1));
        links[j].setAttribute('y1', String(s.y1));
        links[j].setAttribute('x2', String(s.x2));
        links[j].setAttribute('y2', String(s.y2));
      }
    },
    update(vm, layout, geom) {
      const moved = geom !== placedGeom;
      for (let l = 0; l < headerEls.length; l++) {
        const text = layerHeader(vm, l);
        const changed = text !== headerTexts[l];
        if (changed) {
          headerEls[l].textContent = text;
          headerTexts[l] = text;
        }
        if (moved || changed) {
          const isLoss = l >= layout.columnX.length;
          const at = isLoss
            ? lossHeaderPlacement(layout, text, layerHeader(vm, layout.depth))
            : { x: layout.columnX[l], drop: false };
          headerEls[l].setAttribute('x', String(at.x));
          headerEls[l].setAttribute('y', String(layout.headerY + (at.drop ? TEXT.lineHeight + 3 : 0)));
        }
      }
      placedGeom = geom;
    },
  };
}
