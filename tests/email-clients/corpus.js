// The emails the client matrix runs over (not a test file): every examples/*.md and tests/fixtures/**/*.md
// rendered with format 'email' by the built package. Inputs the core refuses (tests/fixtures/errors/) are
// left out: they have no email.
import { FIXTURES, exampleFiles, filesUnder, loadBroadsheet, readText, rel } from '../helpers/repo.js';

export async function emailCorpus() {
  const { createRenderer, BroadsheetError } = await loadBroadsheet();
  const renderer = await createRenderer();
  const fixtures = filesUnder(FIXTURES, '.md');
  const corpus = [];
  for (const file of [...exampleFiles(), ...fixtures]) {
    try {
      corpus.push({ name: rel(file), html: renderer.render(readText(file), { format: 'email' }).output });
    } catch (error) {
      if (!(error instanceof BroadsheetError)) throw error;
    }
  }
  return { corpus, renderer };
}
