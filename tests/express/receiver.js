// SPDX-License-Identifier: MIT
// The Express receiver of the Hoox webhooks page ("Setting Up Webhooks", 1. Create an
// Endpoint), run by the tests as the user's app that HookScope forwards to. The route and its
// handler are the page's; around them only what a test needs to steer and watch it:
//
//   node receiver.js [--port N] [--path P]... [--status N] [--delay MS] [--name NAME]
//                    [--exit-with-stdin]
//
//   --port N           listen on 127.0.0.1:N (default 0: the system picks a free port)
//   --path P           serve the page's route on P instead of /webhook/hoox (repeatable)
//   --status N         answer N instead of the page's 200
//   --delay MS         answer MS milliseconds after the request came in
//   --name NAME        sent back in an X-Receiver header and written in every line
//   --exit-with-stdin  exit when stdin closes (the test that started it is gone)
//
// stdout is for the tests alone: first `listening on 127.0.0.1:PORT`, then one JSON line for
// every request that comes in, on any path, once its body is in:
//   {"name","method","url","path","task","status","job_id","headers","raw_body_length",
//    "at_ms"}  (at_ms: Date.now() when the request began to arrive)
// (headers with lower-case names; task, status and job_id from the body when it is a JSON
// object, else null). The page's own console output goes to stderr.
'use strict';

const express = require('express');

function parseOptions(argv) {
  const options = {
    port: 0, paths: [], status: 200, delay: 0, name: 'receiver', exitWithStdin: false,
  };
  const number = (flag, value) => {
    if (!/^\d+$/.test(value || ''))
      usage(`${flag} needs a whole number, not ${JSON.stringify(value)}`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; ++i) {
    const flag = argv[i];
    if (flag === '--exit-with-stdin') {
      options.exitWithStdin = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--port')
      options.port = number(flag, value);
    else if (flag === '--path' && value && value.startsWith('/'))
      options.paths.push(value);
    else if (flag === '--status')
      options.status = number(flag, value);
    else if (flag === '--delay')
      options.delay = number(flag, value);
    else if (flag === '--name' && value)
      options.name = value;
    else
      usage(`unknown option or missing value: ${flag} ${value === undefined ? '' : value}`);
  }
  if (options.paths.length === 0)
    options.paths.push('/webhook/hoox');
  if (options.port > 65535 || options.status < 100 || options.status > 999)
    usage('--port must be at most 65535 and --status between 100 and 999');
  return options;
}

function usage(problem) {
  process.stderr.write(`receiver.js: ${problem}\n`);
  process.exit(2);
}

const options = parseOptions(process.argv.slice(2));

// The page logs with console.log; stdout belongs to the tests, so every console line goes to
// stderr, marked with the receiver's name so that two receivers can be told apart.
for (const level of ['log', 'info', 'warn', 'error']) {
  const write = console.error.bind(console);
  console[level] = (...args) => write(`[${options.name}]`, ...args);
}

function writeLine(text) {
  // Writes to a pipe are synchronous on Linux: the line is out when this returns.
  process.stdout.write(text + '\n');
}

// Every request, whatever its path, method or content type, is reported once its body is in,
// before anything answers it: a test sees a request that the receiver is still holding (--delay)
// or that a client gave up on. The bytes are counted as they come off the socket, beside
// express.json(), which reads the same stream.
function report(req, res, next) {
  const chunks = [];
  const arrivedAtMs = Date.now(); // when the request began to arrive, for timing tests
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    let body = null;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      // Not JSON: task, status and job_id stay null.
    }
    const field = (name) => (body && typeof body === 'object' && name in body ? body[name] : null);
    writeLine(JSON.stringify({
      name: options.name,
      method: req.method,
      url: req.originalUrl,
      path: req.path,
      task: field('task'),
      status: field('status'),
      job_id: field('job_id'),
      headers: req.headers,
      raw_body_length: raw.length,
      at_ms: arrivedAtMs,
    }));
  });
  res.set('X-Receiver', options.name);
  next();
}

// --status and --delay, applied to the page's `res.status(200).send('OK')` so that its handler
// stays as the page wrote it.
function testKnobs(req, res, next) {
  const status = res.status.bind(res);
  const send = res.send.bind(res);
  res.status = () => status(options.status);
  res.send = (...args) => {
    setTimeout(() => send(...args), options.delay);
    return res;
  };
  next();
}

const app = express();
app.use(report);

// From here to the end of handleAvatar: the page's receiver. Its handlers call the user's own
// updateJobStatus and notifyUser; here they only log.
app.post(options.paths, testKnobs, express.json(), (req, res) => {
  const { task, job_id, avatar_id, look_id, status, result, error } = req.body;

  console.log(`Webhook received for ${task}: ${status}`);

  // Route based on task type
  switch (task) {
    case 'video_generate':
      handleVideoGeneration(job_id, status, result, error);
      break;
    case 'video_export':
      handleVideoExport(job_id, status, result, error);
      break;
    case 'avatar_create':
    case 'avatar_edit':
      handleAvatar(avatar_id, look_id, status, result, error);
      break;
    default:
      console.warn('Unknown task type:', task);
  }

  // Always respond with 200
  res.status(200).send('OK');
});

function handleVideoGeneration(job_id, status, result, error) {
  if (status === 'completed') {
    console.log('Video generated:', result?.video_id);
  } else {
    console.error('Generation failed:', error);
  }
}

function handleVideoExport(job_id, status, result, error) {
  if (status === 'completed') {
    console.log('Video exported:', result?.download_url);
  } else {
    console.error('Export failed:', error);
  }
}

function handleAvatar(avatar_id, look_id, status, result, error) {
  if (status === 'completed') {
    console.log('Avatar ready:', avatar_id, look_id);
  } else {
    console.error('Avatar failed:', error);
  }
}

const server = app.listen(options.port, '127.0.0.1', () => {
  writeLine(`listening on 127.0.0.1:${server.address().port}`);
});
server.on('error', (error) => {
  const where = `127.0.0.1:${options.port}`;
  process.stderr.write(`receiver.js: cannot listen on ${where}: ${error.message}\n`);
  process.exit(1);
});

if (options.exitWithStdin) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
