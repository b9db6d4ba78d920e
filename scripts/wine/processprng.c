/* Test-only stand-in for Windows' bcryptprimitives.dll, for running fzcheck.exe under Wine.
 *
 * Rust's standard library gets random bytes from ProcessPrng in bcryptprimitives.dll, which every
 * Windows since 10 has but Debian's Wine 8 lacks, so the .exe stops at start-up (c0000135). This
 * DLL, placed beside the .exe by tests/windows.rs only, provides ProcessPrng over RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. It is never shipped: scripts/release.sh packs
 * only the .exe and real Windows uses its own DLL.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>
#include <ntsecapi.h>

/* Same contract as Windows' ProcessPrng: fill the buffer, always return TRUE. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
