/**
 * What a person sees go wrong in a narrow pane, measured in the page: runs inside the browser (page.evaluate), so it
 * must not use anything from its module. Each finding is a short description of the element it is about.
 */
export interface LayoutFindings {
  /** the page scrolls sideways, an element reaches past the viewport, or a region scrolls sideways */
  overflow: string[];
  /** a button whose label does not fit it, or which an ancestor cuts off */
  clippedButtons: string[];
  /** text cut without an ellipsis, or with one but no title or label to read it in full */
  cutText: string[];
  /** two visible lines of text lying on each other */
  overlaps: string[];
}

export function layoutProbe(): LayoutFindings {
  const viewportWidth = document.documentElement.clientWidth;
  const SLACK = 1;
  const describe = (element: Element): string => {
    const id = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? '';
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${element.tagName.toLowerCase()}${id ? ` "${id}"` : ''}> ${text}`;
  };
  const isShown = (element: Element): boolean => {
    if (element.closest('[data-tabster-dummy], [aria-hidden="true"]')) return false;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
      return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const clipsX = (element: Element) => getComputedStyle(element).overflowX !== 'visible';
  const clipsY = (element: Element) => getComputedStyle(element).overflowY !== 'visible';
  const scrollsX = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);

  /** A modal dialog covers the pane: only what is in it can be seen. */
  const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')].filter(isShown);
  const root: Element = dialogs.at(-1) ?? document.body;
  const elements = [...root.querySelectorAll('*')].filter(isShown);

  const overflow: string[] = [];
  const scroller = document.scrollingElement ?? document.documentElement;
  if (scroller.scrollWidth > scroller.clientWidth + SLACK)
    overflow.push(`the page scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
  for (const element of elements) {
    const rect = element.getBoundingClientRect();
    if (rect.right > viewportWidth + SLACK)
      overflow.push(`${describe(element)} ends at ${Math.round(rect.right)} px`);
    else if (scrollsX(element) && element.scrollWidth > element.clientWidth + SLACK)
      overflow.push(`${describe(element)} scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`);
  }

  /** The part of a box left visible by every element from `clipper` up that clips it. */
  const visiblePart = (clipper: Element | null, box: DOMRect): DOMRect | null => {
    let { left, right, top, bottom } = box;
    for (let parent = clipper; parent; parent = parent.parentElement) {
      const clipX = clipsX(parent);
      const clipY = clipsY(parent);
      if (!clipX && !clipY) continue;
      const clip = parent.getBoundingClientRect();
      if (clipX) [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
      if (clipY) [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
    }
    [left, right] = [Math.max(left, 0), Math.min(right, viewportWidth)];
    return right - left > SLACK && bottom - top > SLACK
      ? new DOMRect(left, top, right - left, bottom - top)
      : null;
  };
  const cutByAncestor = (element: Element): boolean => {
    const rect = element.getBoundingClientRect();
    const seen = visiblePart(element.parentElement, rect);
    return seen !== null && (seen.left > rect.left + SLACK || seen.right < rect.right - SLACK);
  };

  const clippedButtons = elements
    .filter((element) => element.matches('button, [role="button"], [role="tab"], [role="menuitem"]'))
    .filter(
      (button) =>
        button.scrollWidth > button.clientWidth + SLACK ||
        [...button.querySelectorAll('*')].some((part) => part.scrollWidth > part.clientWidth + SLACK) ||
        cutByAncestor(button),
    )
    .map(describe);

  const ownText = (element: Element) =>
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
  const readable = (element: Element, text: string): boolean => {
    for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
      const full = at.getAttribute('title') ?? at.getAttribute('aria-label') ?? '';
      if (full.replace(/\s+/g, ' ').includes(text.replace(/\s+/g, ' '))) return true;
    }
    return false;
  };
  /** Part of a line that ends in an ellipsis, whose full wording a title or label gives. */
  const shortenedReadably = (element: Element): boolean => {
    for (let at = element.parentElement; at && at !== document.body; at = at.parentElement)
      if (clipsX(at))
        return (
          getComputedStyle(at).textOverflow === 'ellipsis' && readable(at, (at.textContent ?? '').trim())
        );
    return false;
  };
  const cutText: string[] = [];
  for (const element of elements) {
    const text = ownText(element);
    if (text === '' || element.matches('input, textarea, select, option')) continue;
    const style = getComputedStyle(element);
    const overflows =
      (clipsX(element) && element.scrollWidth > element.clientWidth + SLACK) ||
      (clipsY(element) && element.scrollHeight > element.clientHeight + SLACK);
    const full = (element.textContent ?? '').trim();
    if (overflows && !(style.textOverflow === 'ellipsis' && readable(element, full)))
      cutText.push(
        `${describe(element)} cut ${style.textOverflow === 'ellipsis' ? 'with no title' : 'hard'}`,
      );
    else if (!overflows && cutByAncestor(element) && !shortenedReadably(element))
      cutText.push(`${describe(element)} cut by its container`);
  }

  /** Each visible line of text, with the element that holds it and whether it sits in a sticky or fixed layer. */
  const layer = (element: Element): Element | null => {
    for (let at: Element | null = element; at; at = at.parentElement)
      if (['sticky', 'fixed'].includes(getComputedStyle(at).position)) return at;
    return null;
  };
  const lines: Array<{ node: Text; holder: Element; box: DOMRect; layer: Element | null }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const holder = node.parentElement;
    if (!holder || (node.textContent ?? '').trim() === '' || !elements.includes(holder)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      const box = visiblePart(holder, line);
      if (box) lines.push({ node, holder, box, layer: layer(holder) });
    }
  }
  const overlaps: string[] = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b] = [lines[i], lines[j]];
      if (a.node === b.node || a.layer !== b.layer) continue;
      const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (width > 2 && height > 2) overlaps.push(`${describe(a.holder)} × ${describe(b.holder)}`);
    }
  return { overflow, clippedButtons, cutText, overlaps };
}
