/** Pastes the bot tests use, in the layouts people paste (Dr. Watson columns, WinDbg `k`). */
export const SEED_TRACE = [
  'The store crashed again overnight:',
  '   FramePtr  RetAddr   Param1   Param2   Param3   Function Name',
  '   0156f6d0  004e7348  00000000 0156f718 0156f710 STORE!PUSH_NOTIFY::PushToClient+0xb0',
  '   0156ff20  004e999c  00000000 0156f718 0156f710 STORE!ScanForOutstandingNotifications+0x104',
  '   0156ff70  77e6cbe8  00000000 0156f718 0156f710 STORE!EcProcessTask+0x1b4',
  '   0156ffd0  00000000  00000000 0156f718 0156f710 KERNEL32!BaseThreadStart+0x64',
].join('\n');

/** Only the frames Q272274 and Q900002 share: the matcher cannot tell them apart. */
export const SHARED_FRAMES_TRACE = ['STORE!ScanForOutstandingNotifications+0x90', 'STORE!EcProcessTask+0x1b4', 'KERNEL32!BaseThreadStart+0x64'].join('\n');

export const IIS_TRACE = ['W3SVC!HTTP_REQUEST::ParseHeaders+0x3c', 'W3SVC!HTTP_REQUEST::OnFillClientReq+0x51', 'ISATQ!AtqpProcessContext+0x12'].join('\n');

/** Software the store knows nothing about. */
export const UNKNOWN_TRACE = ['FOO!Bar+0x1', 'FOO!Baz+0x2', 'FOO!Qux+0x3'].join('\n');
