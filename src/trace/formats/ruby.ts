/**
 * Ruby backtraces: ``app/models/user.rb:12:in `save'`` (before 3.4) and `'User#save'` (3.4+), the first
 * line carrying `: message (ErrorClass)`, later ones `from file:line:in ...`; Rails-style lists of
 * bare `file:line:in` lines too. `block (2 levels) in foo` keeps its method; the normaliser drops the rest.
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

const FRAME = /^\s*(?:from\s+)?(\S{1,1000}?\.(?:rb|erb|rake|haml|slim|ru|jbuilder)|<internal:[\w/]{1,200}>|\(irb\)|\(eval\)|-e):(\d{1,7}):in\s[`'](.{1,500}?)'(?::\s(.{0,1000}))?\s*$/;

export const readRuby: Reader = (lines: Line[], claimed: Uint8Array) => {
  return readUnclaimed('ruby', lines, claimed, (text, i, out) => {
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      const from = /^\s*from\s/.test(text);
      if (!from && frame[4] !== undefined) {
        // `file:1:in 'm': message (Class)`: the crash frame, heading a new trace
        out.end();
        const m = /^(.*)\s\(([\w:]{1,200})\)\s*$/.exec(frame[4]);
        out.exception(m ? m[2]! : 'error', m ? m[1] : frame[4]);
      }
      out.frame(i, frame[1]!, frame[3]!);
      return;
    }
    if (text.trim() === '' || /^\s*\.\.\.\s\d+\slevels\.\.\./.test(text)) return;
    out.end();
  });
};
