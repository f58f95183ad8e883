/**
 * Which traces of an article's body are stacks (issue 8 item b): a frame counts where a stack prints it,
 * never where a sentence, code or a disassembly names it. Small made-up bodies, read by the real trace parser.
 */
import { describe, expect, it } from 'vitest';
import { withStackEvidence } from '../../src/kb/stack-evidence.js';
import { parseTraces } from '../../src/trace/index.js';

const firstFrames = (body: string): string[] =>
  withStackEvidence(parseTraces(body), body.replace(/\s+/g, ' '), body).map((t) => `${t[0]!.module}!${t[0]!.symbol}${t[0]!.offset ? `+${t[0]!.offset}` : ''}`);

const cases: [string, string, string[]][] = [
  ['keeps a Dr. Watson stack back trace with address columns',
    'FramePtr ReturnAd Param#1  Param#2  Param#3  Param#4  Function Name\n0012f8f8 02e21dc2 00000000 00140d60 7ffdf000 006f0074 gizmo!GzAppend\n',
    ['gizmo!GzAppend']],
  ['keeps a frame alone on its line under a Function Name header, its FPO note wrapped',
    'FramePtr ReturnAd Param#1 Param#2 Param#3 Param#4 Function Name\n0325f310 263d3046 59544943 31463525 6c724f3d 0000018f\ngizlog!STR::AppendLine (FPO: Non-FPO\n[4,77,3])\n',
    ['gizlog!STR::AppendLine']],
  ['keeps frames printed one under another with no addresses',
    'The log shows:\n\n   GIZMO.DLL!RaiseError\n   gizrt.dll!_ThrowIt\n   Sample.exe!CheckField\n',
    ['GIZMO.DLL!RaiseError']],
  ['keeps the "function:" line Dr. Watson prints before the disassembly',
    'State Dump for Thread Id 0x3c\n\n   function: gizdb!FcbUnlink\n        6c898dee cc               int     3\n',
    ['gizdb!FcbUnlink']],
  ['keeps no function a sentence names beside a crash',
    'The Gizmo service may fail with an access violation in routine gizsvc!GzDeleteObject when a user logs off.\n',
    []],
  ['keeps no function a sentence names beside a stop code and its parameters',
    'STOP 0x0000001E (0xC0000005, 0xA0045C2A, 0x00000000, 0x00000000)\nThe memory dump always indicates the address falls in the gizk!GreRealize() address space.\n',
    []],
  ['reads the printed stack, not the function a sentence names before it, as the first trace',
    'The service stops responding in gizmta!onpugtck and may generate the following stack trace:\n\n   0503fdd8 0054c79b 0203a008 ffff8f93 0503fe00 gizmta!onpugtck+0x6c\n   0503fe00 0054d1a2 0203a008 00000000 00000000 gizmta!oppkaget+0x55\n',
    ['gizmta!onpugtck+0x6c']],
  ['keeps no breakpoint a sentence names, though the disassembly jumps to it',
    'Setting a break point at gizlnk!_GzReceive and stepping through:\n\nfcd975fb 8bec          mov   ebp,esp\nfcd975fd 0f85b7000000  jne   gizlnk!_GzReceive+0xca (fcd976ba)\n',
    []],
  ['keeps no line of code that reads a field', '      Print rsOrders!CustomerID\n      Text1.Text = rs!au_lname\n', []],
  ['keeps no Access reference alone on a line', 'Type the following in the Immediate window:\n\n   ? Forms!Form1!Calendar.object.value\n', []],
];

describe('stack evidence of article traces', () => {
  it.each(cases)('%s', (_title, body, frames) => {
    expect(firstFrames(body)).toEqual(frames);
  });
});
