import Foundation

// The C functions the `fuzz-<target>` executables call (`Fuzz/Executables`). Built with `-sanitize=fuzzer`, libFuzzer
// supplies `main` and calls `LLVMFuzzerTestOneInput`, which forwards here; in a normal build the executables' weak
// `main` replays files instead.

/// Runs one fuzzer input through the target named `name`; a failed property stops the process, so libFuzzer saves the
/// input as a crash.
@_cdecl("firebreak_fuzz_one")
public func fuzzOneInput(_ name: UnsafePointer<CChar>, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let target = FuzzTarget(rawValue: String(cString: name)) else {
        fatalError("unknown fuzz target '\(String(cString: name))'")
    }
    // No copy: libFuzzer hands over a buffer of exactly `count` bytes, so AddressSanitizer sees any read past its end.
    let input =
        bytes.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: count, deallocator: .none) }
        ?? Data()
    do {
        try target.run(input)
    } catch {
        fatalError("\(error)")
    }
    return 0
}

/// The executables' `main` outside fuzzing builds: runs the files (or folders) named on the command line, or the
/// target's committed corpus, through the target and reports each failure. Returns the process exit status.
@_cdecl("firebreak_fuzz_replay")
public func fuzzReplay(_ name: UnsafePointer<CChar>) -> CInt {
    guard let target = FuzzTarget(rawValue: String(cString: name)) else { return 2 }
    let arguments = CommandLine.arguments.dropFirst().map { URL(fileURLWithPath: $0) }
    let files: [URL]
    do {
        files = try FuzzCorpus.files(in: arguments.isEmpty ? [FuzzCorpus.directory(for: target)] : arguments)
    } catch {
        print("fuzz-\(target.rawValue): \(error.localizedDescription)")
        return 2
    }
    var failures = 0
    for file in files {
        do {
            try target.run(try Data(contentsOf: file))
        } catch let failure as FuzzFailure {
            failures += 1
            print("\(file.path): \(failure)")
        } catch {
            failures += 1
            print("\(file.path): \(error.localizedDescription)")
        }
    }
    print("fuzz-\(target.rawValue): \(files.count) inputs, \(failures) failed")
    return failures == 0 ? 0 : 1
}
