// Opening and saving files: the File System Access API where the browser has it (saving again writes to
// the same file), a file input and a download elsewhere.
export class Files {
  #handle = null;
  #input;

  constructor(input) {
    this.#input = input;
  }

  get name() {
    return this.#handle?.name ?? null;
  }

  /** Resolves to { name, text }, or null when the writer cancelled. */
  async open() {
    if (typeof window.showOpenFilePicker === 'function') {
      try {
        const [handle] = await window.showOpenFilePicker({ types: [markdownType()] });
        this.#handle = handle;
        const file = await handle.getFile();
        return { name: file.name, text: await file.text() };
      } catch (error) {
        if (error.name === 'AbortError') return null;
        throw error;
      }
    }
    return new Promise((resolve) => {
      this.#input.value = '';
      this.#input.onchange = async () => {
        const file = this.#input.files?.[0];
        resolve(file ? { name: file.name, text: await file.text() } : null);
      };
      this.#input.click();
    });
  }

  /** Saves the Markdown; resolves to the file name, or null when the writer cancelled. */
  async saveMarkdown(text, suggestedName = 'issue.md') {
    if (typeof window.showSaveFilePicker === 'function') {
      try {
        this.#handle ??= await window.showSaveFilePicker({ suggestedName, types: [markdownType()] });
        const writable = await this.#handle.createWritable();
        await writable.write(text);
        await writable.close();
        return this.#handle.name;
      } catch (error) {
        if (error.name === 'AbortError') return null;
        throw error;
      }
    }
    download(text, suggestedName, 'text/markdown');
    return suggestedName;
  }
}

function markdownType() {
  return { description: 'Markdown', accept: { 'text/markdown': ['.md', '.markdown'] } };
}

/** Offers `text` as a file download. */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
