#if FUZZING
import CLibFuzzer
import Foundation
import FuzzEntries

/// Hands control to libFuzzer, which calls back with each input until its limits are reached.
enum FuzzDriver {
    /// The callback is a C function pointer and cannot capture: it reads these.
    nonisolated(unsafe) static var subject = FuzzSubject.release
    nonisolated(unsafe) static var strict = false

    static func run(_ subject: FuzzSubject, arguments: [String], strict: Bool) -> Int32 {
        self.subject = subject
        self.strict = strict
        var arguments = arguments
        if !arguments.contains(where: { $0.hasPrefix("-max_len=") }) { arguments.append("-max_len=\(subject.maxLength)") }
        var argc = Int32(arguments.count)
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = .allocate(capacity: arguments.count + 1)
        for (index, argument) in arguments.enumerated() { argv![index] = strdup(argument) }
        argv![arguments.count] = nil
        return LLVMFuzzerRunDriver(&argc, &argv) { bytes, size in
            let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
            let outcome = FuzzDriver.subject.run(data)
            // Strict: an API answer 500 is a defect too (every failure should have its own status).
            if FuzzDriver.strict, outcome == "status 500" { fatalError("the responder answered 500") }
            return 0
        }
    }
}
#endif
