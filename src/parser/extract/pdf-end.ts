import type { PdfItem } from './pdf-lines';

// The standard section headings around table 四: "四、政府信息公开行政复议、行政诉讼情况" and the
// "五、…" section that follows it (存在的主要问题及改进情况).
const TABLE4_SECTION = /四\s*[、.．]\s*政府信息公开行政复议/;
const NEXT_SECTION = /五\s*[、.．]/;

/**
 * Whether the pages read so far already hold everything the parser uses: the prose before the
 * tables (title, unit, narrative totals) and tables 二–四. Pages after the "五、" heading that
 * follows table 四 are only conclusions, so they are not read at all.
 * Judged on raw run text in content order; when the headings are not found, every page is read.
 */
export class EndOfTables {
  reached = false;
  private inTable4 = false;

  see(items: readonly PdfItem[]): void {
    let text = items.map((it) => it.str).join('');
    if (!this.inTable4) {
      const at = text.search(TABLE4_SECTION);
      if (at < 0) return;
      this.inTable4 = true;
      text = text.slice(at);
    }
    this.reached = NEXT_SECTION.test(text);
  }
}
