// Gives a copy of the core a tighter memory maximum (not a test file): the real wasm with its memory
// section's maximum rewritten, so a test can make the core run out of memory for real.

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return { value, next: at };
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** The wasm bytes with memory 0's maximum set to `maxPages` (64 KiB each). */
export function withMemoryMaximum(wasm, maxPages) {
  const bytes = new Uint8Array(wasm);
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at];
    const size = readLeb(bytes, at + 1);
    const start = size.next;
    const end = start + size.value;
    if (id === 5) {
      const count = readLeb(bytes, start);
      const flags = bytes[count.next];
      const min = readLeb(bytes, count.next + 1);
      if ((flags & ~1) !== 0) throw new Error(`unexpected memory limits flags ${flags}`);
      const body = [...leb(count.value), 0x01, ...leb(min.value), ...leb(Math.max(maxPages, min.value))];
      const rest = (flags & 1) ? readLeb(bytes, min.next).next : min.next;
      const section = [...body, ...bytes.subarray(rest, end)];
      return new Uint8Array([...bytes.subarray(0, at), 5, ...leb(section.length), ...section, ...bytes.subarray(end)]);
    }
    at = end;
  }
  throw new Error('the module has no memory section');
}
