// The email view's client panel: per mail client what this draft's email loses there (the same analysis as
// `broadsheet check`, dist/email-clients.js, loaded the first time the email view opens), Gmail's clipping
// size with the room left, and a picker that shows the email as the chosen client does.
const SETTLE_MS = 300; // the analysis waits for typing to pause

export class EmailClientsPanel {
  #section;
  #picker;
  #table;
  #size;
  #analysis = null;   // the email-clients module and email-check-report's clipMargin, once loaded
  #timer = 0;
  #onPick;

  /** `section` holds the panel; `onPick()` is called when the writer picks another client. */
  constructor(section, onPick) {
    this.#section = section;
    this.#picker = section.querySelector('[data-email-client]');
    this.#table = section.querySelector('[data-email-clients] tbody');
    this.#size = section.querySelector('[data-email-size]');
    this.#onPick = onPick;
    this.#picker.addEventListener('change', () => this.#onPick());
  }

  set visible(on) {
    this.#section.hidden = !on;
  }

  async #load() {
    if (!this.#analysis) {
      const [clients, report] = await Promise.all([import('../../dist/email-clients.js'), import('../../dist/email-check-report.js')]);
      this.#analysis = { ...clients, clipMargin: report.clipMargin };
      this.#picker.append(...clients.CLIENTS.filter((c) => !c.markupOnly).map((c) => new Option(c.name, c.key)));
    }
    return this.#analysis;
  }

  /** The email as the picked client shows it (as sent when none is picked). */
  async view(html) {
    const key = this.#picker.value;
    if (!key) return html;
    const { CLIENTS, clientView } = await this.#load();
    return clientView(html, CLIENTS.find((c) => c.key === key)).html;
  }

  /** Refreshes the table and the size for a new email, once typing pauses. */
  update(html) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#fill(html).catch((error) => { this.#size.textContent = `Client check failed: ${error.message}`; }), SETTLE_MS);
  }

  async #fill(html) {
    const { checkEmail, clipMargin } = await this.#load();
    const size = clipMargin(html);
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    this.#size.textContent = size.margin >= 0
      ? `${kb(size.bytes)} of Gmail's ${kb(size.limit)}: ${kb(size.margin)} to spare`
      : `${kb(size.bytes)}: Gmail clips it (${kb(-size.margin)} over ${kb(size.limit)})`;
    this.#section.dataset.clipped = String(size.margin < 0);
    this.#table.replaceChildren(...checkEmail(html).map(({ client, degrades, breaks }) => {
      const row = document.createElement('tr');
      row.className = breaks.length ? 'email-client-breaks' : '';
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = client.name;
      const state = document.createElement('td');
      state.textContent = breaks.length ? 'breaks' : 'ok';
      const lost = document.createElement('td');
      lost.textContent = [...breaks.map((b) => `${b.title} (not triaged)`), ...degrades.map((d) => d.title)].join(', ') || '—';
      lost.title = degrades.map((d) => `${d.title}: ${d.reason}`).join('\n');
      row.append(name, state, lost);
      return row;
    }));
  }
}
