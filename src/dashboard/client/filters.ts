/// <reference lib="dom" />
/**
 * The filter bar's pickers: companies (a search box that filters a list of checkboxes as one
 * types, the chosen ones shown as removable chips) and small check lists for tiers and rights.
 * They hold no state of their own beyond what they show: each change is handed to the page.
 */
import { h } from './dom.js';

export interface PickerOption<T extends string> {
  value: T;
  label: string;
  /** A longer description, shown on hover. */
  title?: string;
}

/** Lower case without accents, so that "deepl" finds "DeepL SE" and "e" finds "é". */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Closes the open pickers when a click lands outside them. */
function closeOnOutsideClick(root: HTMLElement, close: () => void): void {
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !root.contains(event.target)) close();
  });
}

/**
 * The company filter: type in the search box to narrow the list, tick companies to show only
 * them (none ticked: every company). Enter ticks the first match; Escape closes the list.
 */
export class CompanyPicker {
  private readonly search: HTMLInputElement;
  private readonly panel: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly chips: HTMLElement;
  private readonly matches: HTMLElement;
  private options: PickerOption<string>[] = [];
  private selected: string[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (companies: string[]) => void,
  ) {
    this.search = root.querySelector<HTMLInputElement>('#company-search')!;
    this.panel = root.querySelector<HTMLElement>('.picker-panel')!;
    this.list = root.querySelector<HTMLUListElement>('#company-options')!;
    this.chips = root.querySelector<HTMLElement>('.chips')!;
    this.matches = root.querySelector<HTMLElement>('.match-count')!;
    this.search.addEventListener('focus', () => this.open());
    this.search.addEventListener('click', () => this.open());
    this.search.addEventListener('input', () => {
      this.open();
      this.filter();
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const first = this.visibleBoxes().find((box) => !box.checked);
        if (first) {
          first.checked = true;
          // Picked: the chip shows it, and the box is ready for the next name.
          this.search.value = '';
          this.filter();
          this.changed();
        }
      } else if (event.key === 'Escape') {
        this.close();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.open();
        this.visibleBoxes()[0]?.focus();
      }
    });
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.close();
        this.search.focus();
      }
    });
    root.querySelector('button.clear')?.addEventListener('click', () => {
      this.selected = [];
      this.search.value = '';
      this.render();
      this.onChange([]);
    });
    closeOnOutsideClick(root, () => this.close());
  }

  /** The companies to choose from, and the ones chosen (from the URL). */
  setOptions(options: PickerOption<string>[], selected: string[]): void {
    this.options = [...options].sort((a, b) => a.label.localeCompare(b.label));
    this.selected = selected;
    this.render();
  }

  /** The names of the chosen companies, in the list's order (ids the list lacks as they are). */
  selectedNames(): string[] {
    return this.selected.map((id) => this.options.find((o) => o.value === id)?.label ?? id);
  }

  private open(): void {
    this.panel.hidden = false;
    this.root.dataset.open = 'true';
  }

  private close(): void {
    this.panel.hidden = true;
    delete this.root.dataset.open;
  }

  private visibleBoxes(): HTMLInputElement[] {
    return Array.from(this.list.querySelectorAll<HTMLInputElement>('li:not([hidden]) input'));
  }

  private changed(): void {
    this.selected = Array.from(this.list.querySelectorAll<HTMLInputElement>('input:checked')).map(
      (box) => box.value,
    );
    this.renderChips();
    this.onChange(this.selected);
  }

  private filter(): void {
    const text = fold(this.search.value.trim());
    let shown = 0;
    for (const li of Array.from(this.list.querySelectorAll<HTMLLIElement>('li'))) {
      const match = text === '' || fold(li.dataset.name ?? '').includes(text);
      li.hidden = !match;
      if (match) shown++;
    }
    this.matches.textContent =
      text === ''
        ? `${this.options.length} companies`
        : shown === 0
          ? 'No company matches'
          : `${shown} of ${this.options.length} match`;
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.options.map((o) => {
        const box = h('input', {
          type: 'checkbox',
          value: o.value,
          checked: this.selected.includes(o.value),
        });
        box.addEventListener('change', () => this.changed());
        return h(
          'li',
          { 'data-company': o.value, 'data-name': o.label },
          h('label', { title: o.title }, box, ` ${o.label}`),
        );
      }),
    );
    this.search.placeholder = `All ${this.options.length}: type to filter`;
    this.filter();
    this.renderChips();
  }

  private renderChips(): void {
    const names = this.selectedNames();
    this.chips.replaceChildren(
      ...this.selected.map((id, i) => {
        const chip = h(
          'button',
          {
            type: 'button',
            class: 'chip',
            'data-company': id,
            'aria-label': `Stop filtering by ${names[i] ?? id}`,
            title: 'Remove',
          },
          names[i] ?? id,
          h('span', { 'aria-hidden': 'true' }, ' ×'),
        );
        chip.addEventListener('click', () => {
          const box = this.list.querySelector<HTMLInputElement>(`input[value="${CSS.escape(id)}"]`);
          if (box) box.checked = false;
          this.selected = this.selected.filter((s) => s !== id);
          this.renderChips();
          this.onChange(this.selected);
        });
        return chip;
      }),
    );
    this.root.dataset.selected = String(this.selected.length);
  }
}

/**
 * A drop-down check list in a `<details>`: nothing ticked means everything (all tiers, every
 * right), and the summary says what is shown.
 */
export class CheckListPicker<T extends string> {
  private readonly summaryValue: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(
    private readonly root: HTMLDetailsElement,
    private readonly options: PickerOption<T>[],
    selected: T[],
    private readonly onChange: (values: T[]) => void,
  ) {
    this.summaryValue = root.querySelector<HTMLElement>('.picker-value')!;
    this.list = root.querySelector<HTMLUListElement>('ul.options')!;
    this.list.replaceChildren(
      ...options.map((o) => {
        const box = h('input', {
          type: 'checkbox',
          value: o.value,
          checked: selected.includes(o.value),
        });
        box.addEventListener('change', () => {
          this.renderSummary();
          this.onChange(this.values());
        });
        return h('li', {}, h('label', { title: o.title }, box, ` ${o.label}`));
      }),
    );
    root.querySelector('button.clear')?.addEventListener('click', () => {
      for (const box of Array.from(this.list.querySelectorAll<HTMLInputElement>('input')))
        box.checked = false;
      this.renderSummary();
      this.onChange([]);
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') root.open = false;
    });
    closeOnOutsideClick(root, () => (root.open = false));
    this.renderSummary();
  }

  /** The ticked values, in the options' order. */
  values(): T[] {
    const ticked = new Set(
      Array.from(this.list.querySelectorAll<HTMLInputElement>('input:checked')).map((b) => b.value),
    );
    return this.options.filter((o) => ticked.has(o.value)).map((o) => o.value);
  }

  private renderSummary(): void {
    const values = this.values();
    const labels = this.options.filter((o) => values.includes(o.value)).map((o) => o.label);
    this.summaryValue.textContent =
      values.length === 0
        ? `all ${this.options.length}`
        : values.length <= 2
          ? labels.join(', ')
          : `${values.length} of ${this.options.length}`;
    this.root.dataset.selected = String(values.length);
  }
}
