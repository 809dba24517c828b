#!/usr/bin/env node
// Compile Markdown/MDX pages with the real MDX 3 compiler, configured like Docusaurus 3.
//
//   node tests/mdx/compile.mjs [--json] [--cells] [--jobs N] FILE_OR_DIR ...
//
// Every file named is compiled, whatever its extension; directories are searched recursively
// (entries sorted by code point, skipping node_modules and dot-directories) for *.md and *.mdx.
// Everything runs in this one Node process: one processor per thread, and for many files a few
// worker threads (--jobs, default: the CPU count, at most 8; --jobs 1 compiles in the main thread).
// Results always come out in file order, whatever the number of threads.
//
// Text output (default): one line `path:line:column: message` per failure (0:0 when the error has
// no position), then `compiled N files, M failed`.
// --json: a JSON array on stdout, one {file, ok, line, column, message} per file, in file order
// (line, column and message are null for a file that compiled); the summary line goes to stderr.
// --cells (implies --json): each result also has `cells`, the text of every <td> element as
// MDX reads it (character references decoded, a <br /> a line break), to check that escaped
// text shows as written.
// Exit codes: 0 all compiled, 1 at least one failed, 2 usage error (`error: ...` on stderr).
//
// Why these options: Docusaurus 3 compiles .md AND .mdx with format 'mdx' by default
// (markdown.format: 'mdx'), handing the whole file, front matter included, to @mdx-js/mdx with
// remark-frontmatter and remark-gfm among its remark plugins. Its other remark plugins either only
// transform the tree or, like remark-directive and @slorber/remark-comment (HTML comments), only
// make the parser MORE lenient: leaving them out can make this check stricter, never laxer.

import {readdirSync, readFileSync, realpathSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {createProcessor} from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

const USAGE = 'usage: node compile.mjs [--json] [--cells] [--jobs N] FILE_OR_DIR ...';
const EXTENSIONS = new Set(['.md', '.mdx']);
const MAX_DEFAULT_JOBS = 8;
// Below this many files per extra thread, a worker's start-up (~0.2 s) costs more than it saves.
const FILES_PER_WORKER = 40;

/** Options handed to @mdx-js/mdx: `compile(file, OPTIONS)` would build this same processor. */
export const OPTIONS = Object.freeze({
  format: 'mdx',
  remarkPlugins: [remarkFrontmatter, remarkGfm],
  providerImportSource: '@mdx-js/react',
});

class UsageError extends Error {}

function parseArgs(argv) {
  let json = false;
  let cells = false;
  let jobs = null;
  const inputs = [];
  let optionsDone = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (optionsDone || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
    } else if (arg === '--') {
      optionsDone = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--cells') {
      cells = true;
      json = true;
    } else if (arg === '-h' || arg === '--help') {
      return {help: true};
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = arg === '--jobs' ? argv[++i] : arg.slice('--jobs='.length);
      if (!/^[1-9][0-9]*$/.test(value ?? '')) {
        throw new UsageError(`--jobs needs a positive integer, got ${value ?? 'nothing'}`);
      }
      jobs = Number(value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (inputs.length === 0) throw new UsageError('no FILE_OR_DIR given');
  return {json, cells, jobs, inputs};
}

function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expand the inputs into the files to compile: named files as given, directories recursed. */
function collectFiles(inputs) {
  const files = [];
  const seenFiles = new Set();
  const seenDirs = new Set();

  function addFile(file) {
    const real = realpathSync(file);
    if (!seenFiles.has(real)) {
      seenFiles.add(real);
      files.push(file);
    }
  }

  function walk(dir) {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return; // a symlink loop, or the same folder named twice
    seenDirs.add(real);
    for (const name of readdirSync(dir).sort(byCodePoint)) {
      const full = path.join(dir, name);
      let stats;
      try {
        stats = statSync(full);
      } catch {
        continue; // dangling symlink
      }
      if (stats.isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(full);
      } else if (stats.isFile() && EXTENSIONS.has(path.extname(name).toLowerCase())) {
        addFile(full);
      }
    }
  }

  for (const input of inputs) {
    let stats;
    try {
      stats = statSync(input);
    } catch {
      throw new UsageError(`no such file or directory: ${input}`);
    }
    if (stats.isDirectory()) walk(input);
    else addFile(input);
  }
  return files;
}

function oneLine(text) {
  return String(text).replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** The text of a node as a reader sees it: text and code values, JSX children included, and
 * a line break for each <br />. */
function textOf(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'mdxJsxTextElement' && node.name === 'br') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

/** The text of every <td> element of a parsed page, in document order. */
function cellsOf(tree) {
  const cells = [];
  const visit = (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        node.name === 'td') {
      cells.push(textOf(node));
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return cells;
}

async function compileOne(processor, file, cells = false) {
  let value;
  try {
    value = readFileSync(file, 'utf8');
  } catch (error) {
    return {file, ok: false, line: null, column: null, message: oneLine(error.message)};
  }
  try {
    // unified turns {path, value} into a VFile, so the compiler knows the file's path.
    await processor.process({path: file, value});
    const result = {file, ok: true, line: null, column: null, message: null};
    if (cells) result.cells = cellsOf(processor.parse({path: file, value}));
    return result;
  } catch (error) {
    // MDX reports syntax errors as a VFileMessage: `reason` is the text, line/column the start.
    return {
      file,
      ok: false,
      line: Number.isInteger(error?.line) ? error.line : null,
      column: Number.isInteger(error?.column) ? error.column : null,
      message: oneLine(error?.reason ?? error?.message ?? error),
    };
  }
}

async function compileInThisThread(files, cells) {
  const processor = createProcessor(OPTIONS);
  const results = [];
  for (const file of files) results.push(await compileOne(processor, file, cells));
  return results;
}

/** Hand files one at a time to `jobs` worker threads; results keep the files' order. */
function compileInWorkers(files, jobs, cells) {
  return new Promise((resolve, reject) => {
    const results = new Array(files.length);
    const workers = [];
    let next = 0;
    let done = 0;

    const feed = (worker) => {
      if (next < files.length) {
        worker.postMessage({index: next, file: files[next]});
        next += 1;
      } else {
        worker.postMessage(null); // no more work: let the worker exit
      }
    };
    const fail = (error) => {
      for (const worker of workers) worker.terminate();
      reject(error);
    };

    for (let i = 0; i < jobs; i += 1) {
      const worker = new Worker(new URL(import.meta.url), {workerData: {cells}});
      workers.push(worker);
      worker.on('message', ({index, result}) => {
        results[index] = result;
        done += 1;
        if (done === files.length) {
          for (const each of workers) each.postMessage(null);
          resolve(results);
        } else {
          feed(worker);
        }
      });
      worker.on('error', fail);
      feed(worker);
    }
  });
}

function workerLoop() {
  const processor = createProcessor(OPTIONS);
  parentPort.on('message', async (task) => {
    if (task === null) {
      parentPort.close();
      return;
    }
    const result = await compileOne(processor, task.file, workerData?.cells ?? false);
    parentPort.postMessage({index: task.index, result});
  });
}

async function main(argv) {
  let args;
  let files;
  try {
    args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    files = collectFiles(args.inputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    return 2;
  }

  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  const wanted = args.jobs ?? Math.min(cpus, MAX_DEFAULT_JOBS);
  const jobs = Math.min(wanted, Math.ceil(files.length / FILES_PER_WORKER));
  const results =
    jobs > 1
      ? await compileInWorkers(files, jobs, args.cells)
      : await compileInThisThread(files, args.cells);

  const failed = results.filter((result) => !result.ok);
  const summary = `compiled ${results.length} files, ${failed.length} failed\n`;
  if (args.json) {
    process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
    process.stderr.write(summary);
  } else {
    const lines = failed.map((r) => `${r.file}:${r.line ?? 0}:${r.column ?? 0}: ${r.message}\n`);
    process.stdout.write(lines.join('') + summary);
  }
  return failed.length === 0 ? 0 : 1;
}

if (isMainThread) {
  process.exitCode = await main(process.argv.slice(2));
} else {
  workerLoop();
}
