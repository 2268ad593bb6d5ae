import Foundation
import FuzzEntries
import Testing

/// The fuzz corpus as regression tests (docs/fuzzing.md): every kept input of every subject runs
/// through the same entry the fuzzer calls — a crash fails the whole test run — and every input
/// that once crashed must now give the outcome recorded next to it.
@Suite struct FuzzCorpusTests {
    @Test(arguments: FuzzSubject.allCases)
    func corpusRunsWithoutCrash(_ subject: FuzzSubject) {
        let files = FuzzCorpus.files(of: subject)
        #expect(files.count >= 5, "Tests/Fixtures/fuzz/\(subject.rawValue) should hold the seed inputs")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Issue.record("cannot read \(file)")
                continue
            }
            let outcome = subject.run(data)
            #expect(!outcome.isEmpty)
            // A responder answers every request with a status of its own; 500 means an unmapped error.
            if subject == .request { #expect(outcome != "status 500", "\(file)") }
        }
    }

    @Test(arguments: FuzzSubject.allCases)
    func onceCrashingInputsGiveTheirExpectedOutcome(_ subject: FuzzSubject) {
        for crash in FuzzCorpus.crashes(of: subject) {
            guard let data = FileManager.default.contents(atPath: crash.path) else {
                Issue.record("cannot read \(crash.path)")
                continue
            }
            #expect(subject.run(data) == crash.expected, "\(crash.path)")
        }
    }

    /// The seeds exercise what they are meant to: a real .torrent and magnet are read, the example
    /// config loads, and an authenticated request reaches a handler.
    @Test func seedsReachProductionCode() {
        func outcome(_ subject: FuzzSubject, _ name: String) -> String {
            let path = FuzzCorpus.directory(of: subject) + "/" + name
            return subject.run(FileManager.default.contents(atPath: path) ?? Data())
        }
        #expect(outcome(.torrent, "seed-v1.torrent").hasPrefix("torrent "))
        #expect(outcome(.magnet, "seed-btih-hex").hasPrefix("hash "))
        #expect(!outcome(.magnet, "seed-btih-hex").contains("error"))
        #expect(outcome(.config, "seed-example.toml") == "config ok")
        #expect(outcome(.request, "seed-get-users-admin") == "status 200")
        #expect(outcome(.request, "seed-get-users-anonymous") == "status 401")
        #expect(outcome(.control, "seed-ping").hasPrefix("request v1 ping"))
    }
}
