// The libFuzzer executable for the `prometheus` target (FuzzTarget in Fuzz/Targets). Built with
// `-sanitize=fuzzer`, libFuzzer links its own `main`, which overrides the weak one below; in a normal build that
// one replays the files named on the command line (or the committed corpus) through the target.
#include <stddef.h>
#include <stdint.h>

int firebreak_fuzz_one(const char *target, const uint8_t *data, size_t size);
int firebreak_fuzz_replay(const char *target);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return firebreak_fuzz_one("prometheus", data, size); }

__attribute__((weak)) int main(void) { return firebreak_fuzz_replay("prometheus"); }
