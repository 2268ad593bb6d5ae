import Foundation
import FuzzEntries

// lcars-fuzz SUBJECT [ARGS...] (docs/fuzzing.md)
//   built normally:           replays the files and directories in ARGS, printing each outcome
//   built with -DFUZZING and -sanitize=fuzzer,address (bench/fuzz.sh): runs libFuzzer, ARGS are its own
// The subject is also read from LCARS_FUZZ_SUBJECT, which child processes of libFuzzer inherit.

let usage = "usage: lcars-fuzz SUBJECT [FILE|DIR...]  (subjects: \(FuzzSubject.allCases.map(\.rawValue).joined(separator: ", ")))\n"
var arguments = CommandLine.arguments
let environment = ProcessInfo.processInfo.environment
let chosen: FuzzSubject
if arguments.count > 1, let subject = FuzzSubject(rawValue: arguments[1]) {
    chosen = subject
    arguments.remove(at: 1)
    setenv("LCARS_FUZZ_SUBJECT", subject.rawValue, 1)
} else if let name = environment["LCARS_FUZZ_SUBJECT"], let subject = FuzzSubject(rawValue: name) {
    chosen = subject
} else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

#if FUZZING
exit(FuzzDriver.run(chosen, arguments: arguments, strict: environment["LCARS_FUZZ_STRICT"] == "1"))
#else
exit(CorpusReplay.run(chosen, paths: Array(arguments.dropFirst())))
#endif
