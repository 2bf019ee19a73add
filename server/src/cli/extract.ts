// `nianbao extract FILE...`: prints the text the checker reads from each file (a Word document, a
// web page or a PDF is turned into text first; findings point at lines of this text), so a
// reviewer sees what was read. Text on stdout; problems on stderr; exit 2 if a file is unreadable.
import type { CliOptions } from './args';
import { readSource, sourceMessage, bilingual } from '../sources';
import { readReport, sourceError } from './check-file';
import { shownPath } from './format';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

export async function extractFiles(options: CliOptions): Promise<number> {
  const { locale } = options;
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let status = EXIT_OK;
  for (const [i, input] of options.inputs.entries()) {
    const shown = shownPath(input);
    const read = readReport(input, options.maxSize, locale);
    if (!read.ok) {
      err(`${shown}: ${read.error}`);
      status = EXIT_TROUBLE;
      continue;
    }
    const source = await readSource(read.bytes, input, { encoding: options.encoding });
    if (!source.ok) {
      err(`${shown}: ${sourceError(source, locale)}`);
      status = EXIT_TROUBLE;
      continue;
    }
    if (source.scanned) err(`${shown}: ${sourceMessage(locale, bilingual('scanned'))}`);
    // Several files: each after a header line, as head(1) does.
    if (options.inputs.length > 1) await write(`${i ? '\n' : ''}==> ${shown} <==\n`);
    await write(source.text.endsWith('\n') || !source.text ? source.text : `${source.text}\n`);
  }
  return status;
}
