import { describe, expect, it } from 'vitest';
import { demangleMsvc, normalizeFrame } from '../../src/trace/index.js';

describe('normalizeFrame', () => {
  it.each([
    ['upper-case module and offset', { module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient', offset: '0xb0' }, 'store!push_notify::pushtoclient'],
    ['module with extension', { module: 'store.exe', symbol: 'EcRpc' }, 'store!ecrpc'],
    ['module with a path', { module: 'C:\\WINNT\\system32\\KERNEL32.DLL', symbol: 'BaseThreadStart' }, 'kernel32!basethreadstart'],
    ['driver and control extensions', { module: 'Ntfs.sys', symbol: 'NtfsFsdRead' }, 'ntfs!ntfsfsdread'],
    ['kernel image aliases', { module: 'ntkrnlmp', symbol: 'KiTrap0E' }, 'nt!kitrap0e'],
    ['a leading underscore', { module: 'NT', symbol: '_KiTrap0E' }, 'nt!kitrap0e'],
    ['a fastcall decoration', { module: 'STORE', symbol: '@EcRpc@16' }, 'store!ecrpc'],
    ['a stdcall decoration', { module: 'NT', symbol: '_NtClose@4' }, 'nt!ntclose'],
    ['an MSVC-mangled method', { module: 'MNGBASE', symbol: '?GetPtr@CShrMemPool@@QAEPAXK@Z' }, 'mngbase!cshrmempool::getptr'],
    ['a Visual Studio argument list', { module: 'store.exe', symbol: 'PUSH_NOTIFY::PushToClient()' }, 'store!push_notify::pushtoclient'],
    ['kp parameters', { module: 'ntdll', symbol: 'RtlAllocateHeap(void * HeapHandle = 0x00140000)' }, 'ntdll!rtlallocateheap'],
    ['template arguments', { module: 'myapp', symbol: 'std::vector<int,std::allocator<int> >::push_back' }, 'myapp!std::vector::push_back'],
    ['a return type and calling convention', { module: 'rpcrt4', symbol: 'long __stdcall NdrServerCall(struct _RPC_MESSAGE *)' }, 'rpcrt4!ndrservercall'],
    ['"__" printed for "::"', { module: 'store', symbol: 'OMSG__EcFlushXAI' }, 'store!omsg::ecflushxai'],
    ['a module named like an Object property', { module: '__proto__', symbol: 'constructor' }, '__proto__!constructor'],
    ['a cut-short name kept as printed', { module: 'store', symbol: 'MDB_BASE::' }, 'store!mdb_base::'],
    ['a BBT/OMAP number suffix', { module: 'win32k', symbol: 'HMDestroyUnlockedObject_162' }, 'win32k!hmdestroyunlockedobject'],
    ['a suffix with name fragments', { module: 'store', symbol: 'EcProcessCategMessageEvent_1128ool_7571e' }, 'store!ecprocesscategmessageevent'],
    ['a suffix after a scope', { module: 'store', symbol: 'OMSG::EcSaveChanges_9910gs_22p_14862091e' }, 'store!omsg::ecsavechanges'],
    ['a suffix inside a scope name, before fragments of other names', { module: 'emsmta', symbol: 'otpmmain_897nThread::HrGetListenPort_26ad' }, 'emsmta!otpmmain'],
    ['a suffix after a leading underscore', { module: 'dsamain', symbol: '_ds_search_172ry_139y_146_70own_99' }, 'dsamain!ds_search'],
    ['a one-digit part that belongs to the name', { module: 'MSV1_0', symbol: 'Msv1_0SubAuthenticationRoutine' }, 'msv1_0!msv1_0subauthenticationroutine'],
    ['a digit inside the name', { module: 'RPCRT4', symbol: '_local_unwind2_50' }, 'rpcrt4!local_unwind2'],
  ])('normalises %s', (_name, frame, key) => {
    const normal = normalizeFrame(frame);
    expect(normal.key).toBe(key);
    expect(`${normal.module}!${normal.symbol}`).toBe(key);
  });

  it('gives mangled and demangled spellings of one method the same key', () => {
    const mangled = normalizeFrame({ module: 'RPCRT4', symbol: '?DispatchToStub@RPC_INTERFACE@@QAEJPAU_RPC_MESSAGE@@IPAJ@Z', offset: '0x41' });
    const plain = normalizeFrame({ module: 'rpcrt4.dll', symbol: 'RPC_INTERFACE::DispatchToStub' });
    expect(mangled.key).toBe(plain.key);
  });
});

describe('demangleMsvc', () => {
  it.each([
    ['?GetPtr@CShrMemPool@@QAEPAXK@Z', 'CShrMemPool::GetPtr'],
    ['?MngGetPtr@@YGPAXKPAUMNGPROCESSGLOBAL@@@Z', 'MngGetPtr'],
    ['??0THREAD@@QAE@PAJ@Z', 'THREAD::THREAD'],
    ['??1type_info@@UAE@XZ', 'type_info::~type_info'],
    ['??_GCFoo@@UAEPAXI@Z', "CFoo::`scalar deleting destructor'"],
    ['?DoVerb@XSnaObject@CSnaObject@@UAGKW4VerbCode@@J@Z', 'CSnaObject::XSnaObject::DoVerb'],
    ['?push_back@?$vector@HV?$allocator@H@std@@@std@@QAEXABH@Z', 'std::vector::push_back'],
    ['?Find@?$CMap@VCString@@PAX@@QAEHPAX@Z', 'CMap::Find'],
    ['PlainName', 'PlainName'],
  ])('reads the name out of %s', (mangled, name) => {
    expect(demangleMsvc(mangled)).toBe(name);
  });
});
