// Where a wasm module's bytes go: code bytes per function, grouped by where the function comes from
// (md4c, libyaml, libc++, libc/malloc, Embind, Broadsheet by file stem), plus the data segments. Needs a
// build with function names (`--profiling-funcs`); a stripped module is grouped as one "unnamed".
//   node bench/wasm-size.mjs FILE.wasm [--top N]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2];
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
const bytes = readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[pos++]; result |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return result >>> 0;
};
const name = () => { const n = u32(); const s = bytes.toString('utf8', pos, pos + n); pos += n; return s; };

let importedFunctions = 0;
const bodies = [];     // [start, end] of each defined function
const names = new Map();
const sections = [];
let dataBytes = 0;
let dataGzip = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos, end = pos + size;
  sections.push({ id, size });
  if (id === 2) {  // imports: count the functions
    for (let n = u32(); n > 0; n--) {
      name(); name();
      const kind = bytes[pos++];
      if (kind === 0) { u32(); importedFunctions++; }
      else if (kind === 1) { pos++; const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) { const len = u32(); bodies.push([pos, pos + len]); pos += len; }
  } else if (id === 11) {
    dataBytes = size;
    dataGzip = gzipSync(bytes.subarray(start, end), { level: 9 }).length;
  } else if (id === 0) {
    const section = name();
    if (section === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) for (let n = u32(); n > 0; n--) { const index = u32(); names.set(index, name()); }
        pos = subEnd;
      }
    }
  }
  pos = end;
}

function groupOf(fn) {
  if (!fn) return 'unnamed';
  if (/^md_|^md4c|^MD_/.test(fn)) return 'md4c';
  if (/^yaml_/.test(fn)) return 'libyaml';
  if (/embind|emscripten::|^_embind|EmscriptenBindingInitializer|__getTypeName|^emval/.test(fn)) return 'Embind';
  if (/^(dl)?malloc|^free$|^dlfree|^realloc|^calloc|^sbrk|^emmalloc|^dispose_chunk|^init_mparams|^tmalloc|^prepend_alloc|^sys_alloc|^internal_memalign|^aligned_alloc/.test(fn)) return 'malloc';
  const own = fn.match(/^(?:[\w:<>,* ]+ )?broadsheet::(?:\(anonymous namespace\)::)?([A-Za-z_]+)/);
  if (own) return `broadsheet::${own[1]}`;
  if (/^\(anonymous namespace\)::Engine/.test(fn)) return 'broadsheet::Engine (bindings)';
  if (/^std::|__cxx|^operator new|^operator delete|^void std::|std::__2/.test(fn)) return 'libc++';
  if (/^[a-z_0-9]+$/.test(fn)) return 'libc';
  return 'other';
}

const groups = new Map();
const functions = [];
bodies.forEach(([s, e], i) => {
  const fn = names.get(i + importedFunctions);
  const group = groupOf(fn);
  const g = groups.get(group) ?? { bytes: 0, count: 0, chunks: [] };
  g.bytes += e - s; g.count++; g.chunks.push(bytes.subarray(s, e));
  groups.set(group, g);
  functions.push({ fn: fn ?? `#${i}`, bytes: e - s });
});

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const codeBytes = bodies.reduce((sum, [s, e]) => sum + e - s, 0);
console.log(`${file}: ${bytes.length} bytes, ${gz(bytes)} gzipped; code ${codeBytes} in ${bodies.length} functions, data ${dataBytes} (${dataGzip} gzipped alone)`);
console.log('\ngroup | functions | code bytes | gzip alone');
for (const [group, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`${group} | ${g.count} | ${g.bytes} | ${gz(Buffer.concat(g.chunks))}`);
}
console.log(`\nthe ${top} largest functions`);
for (const f of functions.sort((a, b) => b.bytes - a.bytes).slice(0, top)) console.log(`${f.bytes}\t${f.fn.slice(0, 140)}`);
