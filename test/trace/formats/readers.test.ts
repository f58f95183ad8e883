import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/model.js';
import { normalizeFrame, parseMessage } from '../../../src/trace/index.js';

const keys = (text: string): string[][] => parseMessage(text).traces.map((t) => t.map((f) => normalizeFrame(f).key));
const first = (text: string): string[] => keys(text)[0] ?? [];

const JAVA = [
  'java.lang.IllegalStateException: boom',
  '\tat com.acme.Importer.lambda$run$12(Importer.java:41)',
  '\tat com.acme.Importer$1.call(Importer.java:77)',
  '\tat java.base/java.lang.Thread.run(Thread.java:833)',
  'Caused by: java.io.IOException: disk full',
  '\tat com.acme.Store.write(Store.java:9)',
  '\tat com.acme.Importer.save(Importer.java:50)',
  '\t... 3 more',
  '\tSuppressed: java.lang.RuntimeException: close failed',
  '\t\tat com.acme.Store.close(Store.java:20)',
].join('\n');

describe('Java', () => {
  it('reads each link of a chain as its own trace, crash frame first, suppressed blocks left out', () => {
    expect(keys(JAVA)).toEqual([
      ['java:com.acme.importer!lambda$run', 'java:com.acme.importer!call', 'java:java.lang.thread!run'],
      ['java:com.acme.store!write', 'java:com.acme.importer!save'],
    ]);
  });

  it('keeps the exception type and message as clues', () => {
    expect(parseMessage(JAVA).clues).toContainEqual({ kind: 'exception', lang: 'java', type: 'java.io.IOException', message: 'disk full' });
  });

  it.each([
    ['collapsed onto one line', JAVA.replace(/\n\t*/g, ' ')],
    ['quoted with >', JAVA.split('\n').map((l) => `> ${l}`).join('\n')],
    ['in a Slack code block, HTML-escaped', `\`\`\`${JAVA.replace(/>/g, '&gt;').replace(/</g, '&lt;')}\`\`\``],
    ['with log timestamps on each line', JAVA.split('\n').map((l) => `2024-03-01 12:00:01,123 ERROR [main] ${l}`).join('\n')],
    ['with logcat prefixes', JAVA.split('\n').map((l) => `E/AndroidRuntime( 4242): ${l}`).join('\n')],
  ])('reads the same frames %s', (_how, text) => {
    expect(first(text)).toEqual(first(JAVA));
  });

  it('joins a frame wrapped by the chat client', () => {
    expect(first('java.lang.NullPointerException\n\tat com.acme.Importer.run(Impo\nrter.java:41)\n\tat com.acme.Main.main(Main.java:3)')).toEqual([
      'java:com.acme.importer!run', 'java:com.acme.main!main',
    ]);
  });
});

describe('.NET', () => {
  const NET = [
    'System.InvalidOperationException: outer ---> System.NullReferenceException: inner',
    '   at Acme.Orders.OrderService.<SaveAsync>d__6.MoveNext() in C:\\src\\OrderService.cs:line 42',
    '--- End of stack trace from previous location ---',
    '   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)',
    '   at Acme.Orders.Api.<>c__DisplayClass5_0.<Post>b__0()',
    '   --- End of inner exception stack trace ---',
    '   at Acme.Orders.Api.Post(Order order) in C:\\src\\Api.cs:line 10',
  ].join('\n');

  it('reads the inner exception and the outer one as two traces; async state machines and lambdas name their method', () => {
    expect(keys(NET)).toEqual([
      ['dotnet:acme.orders.orderservice!saveasync', 'dotnet:system.runtime.compilerservices.taskawaiter!throwfornonsuccess', 'dotnet:acme.orders.api!post'],
      ['dotnet:acme.orders.api!post'],
    ]);
  });

  it('reads German and French stack traces', () => {
    expect(first('   bei Acme.Foo.Bar(Int32 x) in C:\\a.cs:Zeile 3\n   bei Acme.Foo.Main()')).toEqual(['dotnet:acme.foo!bar', 'dotnet:acme.foo!main']);
    expect(first('   à Acme.Foo.Bar(Int32 x) dans C:\\a.cs:ligne 3\n   à Acme.Foo.Main()')).toEqual(['dotnet:acme.foo!bar', 'dotnet:acme.foo!main']);
  });
});

describe('Python', () => {
  it('puts the innermost frame first and reads each exception of a chain as its own trace', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/srv/app/.venv/lib/python3.11/site-packages/acme/db.py", line 10, in connect',
      '    sock.connect(addr)',
      '    ^^^^^^^^^^^^^^^^^^',
      'ConnectionRefusedError: [Errno 111] Connection refused',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "C:\\app\\acme\\main.py", line 3, in <module>',
      '  File "C:\\app\\acme\\db.py", line 12, in connect',
      'acme.db.DatabaseError: cannot connect',
    ].join('\n');
    expect(keys(text)).toEqual([['python:acme/db!connect'], ['python:acme/db!connect', 'python:acme/main!<module>']]);
    expect(parseMessage(text).clues.map((c) => (c.kind === 'exception' ? c.type : ''))).toEqual(['ConnectionRefusedError', 'acme.db.DatabaseError']);
  });
});

describe('Go', () => {
  it('reads each goroutine, drops closure numbers and argument values, and keeps `created by`', () => {
    const text = [
      'panic: runtime error: index out of range [3] with length 3',
      '',
      'goroutine 7 [running]:',
      'github.com/acme/svc/worker.(*Pool).run.func1(0xc000010000, {0x1, 0x2})',
      '\t/home/ci/go/src/github.com/acme/svc/worker/pool.go:88 +0x1d',
      'created by github.com/acme/svc/worker.(*Pool).Start in goroutine 1',
      '\t/home/ci/go/src/github.com/acme/svc/worker/pool.go:40 +0x55',
    ].join('\n');
    expect(first(text)).toEqual(['go:github.com/acme/svc/worker!pool.run', 'go:github.com/acme/svc/worker!pool.start']);
  });
});

describe('JavaScript', () => {
  it('reads V8 and Firefox layouts to the same keys, bundle hashes and columns left out', () => {
    const v8 = 'TypeError: x is undefined\n    at render (https://cdn.acme.com/static/js/main.3f2a1b9c.js:1:2345)\n    at async Object.load (webpack:///./src/loader.ts:10:5)';
    const gecko = 'render@https://cdn.acme.com/static/js/main.9e8d7c6b.js:1:999\nObject.load@webpack:///./src/loader.ts:11:7';
    expect(first(v8)).toEqual(['js:js/main!render', 'js:src/loader!object.load']);
    expect(first(gecko)).toEqual(first(v8));
  });
});

describe('Rust, Ruby, PHP, native and kernel', () => {
  it('drops Rust symbol hashes', () => {
    expect(first('stack backtrace:\n  12: 0x55d4c2b1 - acme::net::Conn::read::h0123456789abcdef\n             at src/net.rs:3:5\n  13: 0x55d4c2b9 - acme::main::hfedcba9876543210')).toEqual(['rust:acme!net::conn::read', 'rust:acme!main']);
  });

  it('reads Ruby 3.4 and older labels to the same method', () => {
    const old = "app/models/user.rb:12:in `save': boom (RuntimeError)\n\tfrom app/controllers/users_controller.rb:5:in `block in create'";
    const new34 = "app/models/user.rb:12:in 'User#save': boom (RuntimeError)\n\tfrom app/controllers/users_controller.rb:5:in 'block in UsersController#create'";
    expect(first(new34)).toEqual(first(old));
    expect(first(old)).toEqual(['ruby:models/user!save', 'ruby:controllers/users_controller!create']);
  });

  it('reads PHP class methods and plain functions', () => {
    expect(first("#0 /var/www/src/Repo.php(43): App\\Repo->find('x')\n#1 /var/www/public/index.php(9): handle()\n#2 {main}")).toEqual(['php:app\\repo!find', 'php:public/index!handle']);
  });

  it('keys native frames by symbol, so gdb and Breakpad print the same key', () => {
    const gdb = '#0  0x00007f in nsFoo::Bar (this=0x1) at nsFoo.cpp:12\n#1  0x00007f in main () at main.cpp:3';
    const breakpad = 'Thread 0 (crashed)\n 0  libxul.so!nsFoo::Bar(int) [nsFoo.cpp : 12 + 0x5]\n    rip = 0x00007f\n    Found by: given as instruction pointer in context\n 1  app!main [main.cpp : 3 + 0x1]';
    expect(first(gdb)).toEqual(['native:!nsfoo::bar', 'native:!main']);
    expect(first(breakpad)).toEqual(first(gdb));
  });

  it("puts the kernel's faulting function first and leaves out `? ` guesses", () => {
    const oops = 'BUG: kernel NULL pointer dereference, address: 0000000000000008\nRIP: 0010:acme_rx+0x1d/0x90 [acme]\nCall Trace:\n <TASK>\n ? __die+0x20/0x70\n acme_poll+0x55/0x100 [acme]\n net_rx_action+0x13d/0x3a0\n </TASK>';
    expect(first(oops)).toEqual(['kernel:acme!acme_rx', 'kernel:acme!acme_poll', 'kernel:vmlinux!net_rx_action']);
  });
});

describe('one engine for every format', () => {
  it('never gives a Java frame the key of a Windows frame of the same name', () => {
    const java: Frame = { module: 'STORE', symbol: 'EcRpc', lang: 'java' };
    expect(normalizeFrame(java).key).not.toBe(normalizeFrame({ module: 'STORE', symbol: 'EcRpc' }).key);
  });

  it('reads a Windows debugger paste exactly as before: no frame carries an ecosystem', () => {
    const traces = parseMessage('ChildEBP RetAddr\n0012f0a8 77e6cbe8 STORE!PUSH_NOTIFY::PushToClient+0xb0\n0012f0c0 77e6cbe8 STORE!EcProcessTask+0x1b4').traces;
    expect(traces).toEqual([[{ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient', offset: '0xb0' }, { module: 'STORE', symbol: 'EcProcessTask', offset: '0x1b4' }]]);
  });

  it('reads a message holding a Java and a Python trace as two traces', () => {
    const text = `${JAVA.split('\n').slice(0, 4).join('\n')}\n\nand then\n\nTraceback (most recent call last):\n  File "a/b.py", line 1, in f\n  File "a/c.py", line 2, in g\nValueError: x`;
    expect(keys(text).map((t) => t[0]?.split(':')[0])).toEqual(['java', 'python']);
  });
});

describe('hostile input', () => {
  it.each([
    ['frame markers', '\tat a.b.C.d(E.java:1) '.repeat(40000)],
    ['open parentheses after at', ' at a('.repeat(150000)],
    ['Python file lines', '  File "x.py", line 1, in f\n'.repeat(30000)],
    ['one long line of hash marks', `#1 ${'('.repeat(500000)}`],
  ])('reads a megabyte of %s in well under two CPU seconds', (_what, text) => {
    const start = process.cpuUsage();
    parseMessage(text);
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1e6).toBeLessThan(2);
  });
});
