/**
 * Linux kernel oops and warnings: `BUG: unable to handle ...`, `Oops: 0002 [#1] SMP`, `general protection
 * fault`, `WARNING: CPU: 0 PID: 1 at file:line func+0x..`, `RIP: 0010:func+0x12/0x30 [mod]` (the crash
 * frame, first), then `Call Trace:` with `func+0x12/0x30 [mod]` frames, old kernels' `[<ffffffff8123>]`
 * addresses, several frames a line, `<IRQ>`/`<TASK>` markers. A `? ` frame is a guess the unwinder
 * found on the stack: left out, as satyr and syzkaller do.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const FRAME = /(\?\s)?([A-Za-z_][\w.$]{0,200})\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}(?:\s\[([\w-]{1,100})\])?/g;
const RIP = /^\s*(?:RIP:\s(?:[0-9a-f]{4}:)?|EIP:\s(?:[0-9a-f]{4}:)?(?:\[<[0-9a-f]{1,16}>\]\s)?|PC is at\s|pc\s:\s|NIP\s\[[0-9a-f]{1,16}\]\s|epc\s:\s[0-9a-f]{1,16}\s)([A-Za-z_][\w.$]{0,200})\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}(?:\s\[([\w-]{1,100})\])?/;
const CALL_TRACE = /^\s*(?:Call Trace:|Backtrace:|Call trace:)/;
/** Register dumps between ARM backtrace lines (`r7:bd85a000 r6:60000013`). */
const REGISTERS = /^\s*r\d{1,2}\s?:\s?[0-9a-f]{8}/;
const MARKER = /^\s*(?:<\/?(?:IRQ|EOI|NMI|TASK|#DF|SOFTIRQ)>|\?\s|\[<[0-9a-f]{1,16}>\])/;
/** `WARNING: CPU: 6 PID: 291 at drivers/x.c:11513 rtw_lps_state_chk+0x40/0x46 [88x2bu]`: the warning names its function. */
const WARNING_AT = /^\s*WARNING:.{0,300}?\sat\s\S{1,500}\s([A-Za-z_][\w.$]{0,200})\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}(?:\s\[([\w-]{1,100})\])?/;
/** ARM's `[<8010c37c>] (dump_backtrace) from [<8010c620>] (show_stack+0x18/0x1c)`: the first function of each line. */
const ARM_FROM = /^\s*\[<[0-9a-f]{1,16}>\]\s\(([A-Za-z_][\w.$]{0,200})(?:\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16})?(?:\s\[([\w-]{1,100})\])?\)\sfrom\s/;
const BUG = /^\s*(BUG|Oops|kernel BUG|general protection fault|Unable to handle kernel|WARNING|KASAN|UBSAN|INFO: task|Kernel panic)(?::|\sat)?\s?(.{0,300})$/;

export const readKernel: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('kernel');
  let rip: { module: string; symbol: string } | undefined;
  let inTrace = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const text = lines[i]!.text;
    const bug = BUG.exec(text);
    if (bug && !inTrace) {
      claimed[i] = 1;
      out.exception(bug[1]!, bug[2]);
    }
    const warning = WARNING_AT.exec(text);
    if (warning && !inTrace) rip = { symbol: warning[1]!, module: warning[2] ?? 'vmlinux' };
    const arm = ARM_FROM.exec(text);
    if (arm) {
      claimed[i] = 1;
      if (!inTrace) {
        out.end();
        inTrace = true;
        out.open(i);
        if (rip) out.frame(i, rip.module, rip.symbol);
        rip = undefined;
      }
      out.frame(i, arm[2] ?? 'vmlinux', arm[1]!);
      continue;
    }
    const ripMatch = RIP.exec(text);
    if (ripMatch) {
      claimed[i] = 1;
      if (!inTrace) rip = { symbol: ripMatch[1]!, module: ripMatch[2] ?? 'vmlinux' };
      continue;
    }
    if (CALL_TRACE.test(text)) {
      claimed[i] = 1;
      out.end();
      inTrace = true;
      out.open(i);
      if (rip) out.frame(i, rip.module, rip.symbol);
      rip = undefined;
      // frames may follow on the same line when the trace was collapsed
    }
    if (!inTrace) continue;
    let any = false;
    FRAME.lastIndex = 0;
    for (let m = FRAME.exec(text); m; m = FRAME.exec(text)) {
      any = true;
      if (m[1]) continue;
      out.frame(i, m[3] ?? 'vmlinux', m[2]!);
    }
    if (any || MARKER.test(text) || CALL_TRACE.test(text) || REGISTERS.test(text)) {
      claimed[i] = 1;
      continue;
    }
    if (text.trim() === '') continue;
    out.end();
    inTrace = false;
  }
  // an oops cut before its Call Trace still names the faulting function
  if (rip && !inTrace) out.frame(lines.length, rip.module, rip.symbol);
  return out.output();
};
