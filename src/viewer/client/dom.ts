// Building the page: elements from tag, properties and children, where every string becomes a text node.
// Nothing here, or anywhere in the viewer, sets innerHTML: model output and prompts are untrusted text.
export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  testid?: string;
  title?: string;
  /** Only addresses the viewer built itself (encodeURIComponent'd ids); a click navigates inside the page. */
  href?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  checked?: boolean;
  disabled?: boolean;
  open?: boolean;
  colspan?: number;
  onclick?: (e: MouseEvent) => void;
  onchange?: (e: Event) => void;
  onkeydown?: (e: KeyboardEvent) => void;
}

let navigateTo: (href: string) => void = (href) => (location.href = href);

/** Set once by the router: how an internal link is followed. */
export function setNavigator(fn: (href: string) => void): void {
  navigateTo = fn;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.testid) el.dataset.testid = props.testid;
    if (props.title) el.title = props.title;
    if (props.href !== undefined) {
      // Internal addresses only: a path of this viewer, never a URL taken from data.
      const href = props.href.startsWith('/') && !props.href.startsWith('//') ? props.href : '/';
      el.setAttribute('href', href);
      el.addEventListener('click', (event) => {
        const e = event as MouseEvent;
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigateTo(href);
      });
    }
    if (props.type) el.setAttribute('type', props.type);
    if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
    if (props.placeholder) el.setAttribute('placeholder', props.placeholder);
    if (props.checked) (el as HTMLInputElement).checked = true;
    if (props.disabled) (el as HTMLButtonElement).disabled = true;
    if (props.open) (el as HTMLDetailsElement).open = true;
    if (props.colspan) (el as HTMLTableCellElement).colSpan = props.colspan;
    if (props.onclick) el.addEventListener('click', props.onclick as EventListener);
    if (props.onchange) el.addEventListener('change', props.onchange);
    if (props.onkeydown) el.addEventListener('keydown', props.onkeydown as EventListener);
  }
  append(el, children);
  return el;
}

/** Replaces the contents of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A <select> over (value, label) pairs with the current value chosen. */
export function select(testid: string, options: [string, string][], current: string, onchange: (value: string) => void): HTMLSelectElement {
  const el = h('select', { testid, onchange: () => onchange(el.value) }, ...options.map(([value, label]) => {
    const o = h('option', null, label);
    o.value = value;
    if (value === current) o.selected = true;
    return o;
  }));
  return el;
}

export const fmtScore = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(4));
export const fmtPct = (x: number) => `${(100 * x).toFixed(1)}%`;
