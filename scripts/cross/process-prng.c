/* ProcessPrng for Wine versions that lack it (Debian 12's Wine 8.0).
 *
 * Rust's standard library (1.78 and later) takes its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have;
 * Wine 8.0 does not, and the program stops before main. Placed beside the
 * .exe under Wine only, this DLL answers ProcessPrng from advapi32's
 * RtlGenRandom (SystemFunction036). It is never shipped. */
#include <windows.h>

typedef BOOLEAN(WINAPI *gen_random)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static gen_random fill;
    if (!fill) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi) return FALSE;
        fill = (gen_random)GetProcAddress(advapi, "SystemFunction036");
        if (!fill) return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!fill(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
